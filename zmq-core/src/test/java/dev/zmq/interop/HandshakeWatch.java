package dev.zmq.interop;

import dev.zmq.ZmqSocket;
import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import dev.zmq.monitor.SocketMonitor;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Watches one of our sockets for completed handshakes, so an interop test can tell JeroMQ 0.6.0's stall (a
 * connection it never starts the handshake on) from a slow machine and start over with a fresh JeroMQ socket.
 */
final class HandshakeWatch implements SocketMonitor, AutoCloseable {

    /**
     * Long enough that a handshake slowed by a loaded machine is not mistaken for the stall: renewing then would let
     * the old socket's late handshake pass for the new one's.
     */
    static final Duration STALL = Duration.ofSeconds(5);

    private final ZmqSocket socket;
    private final AtomicInteger handshakes = new AtomicInteger();

    HandshakeWatch(ZmqSocket socket) {
        this.socket = socket;
        socket.addMonitor(this);
    }

    @Override
    public void onEvent(SocketEvent e) {
        if (e.type() == SocketEventType.HANDSHAKE_SUCCEEDED) {
            handshakes.incrementAndGet();
        }
    }

    /** Whether a handshake completed within {@link #STALL}. */
    boolean sawHandshake() {
        try {
            await().atMost(STALL).until(() -> handshakes.get() > 0);
            return true;
        } catch (ConditionTimeoutException stalled) {
            return false;
        }
    }

    @Override
    public void close() {
        socket.removeMonitor(this);
    }
}
