package dev.zmq;

import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small helpers the end-to-end socket tests share. */
final class TestSockets {

    private TestSockets() {
    }

    /** A TCP endpoint on a port free just now (for tests that must know it before binding). */
    static String freeEndpoint() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "tcp://127.0.0.1:" + s.getLocalPort();
        }
    }

    /** Every event {@code s} emits from now on. */
    static List<SocketEvent> record(ZmqSocket s) {
        List<SocketEvent> events = new CopyOnWriteArrayList<>();
        s.addMonitor(events::add);
        return events;
    }

    /** The events of {@code type}, in order. */
    static List<SocketEvent> ofType(List<SocketEvent> events, SocketEventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }
}
