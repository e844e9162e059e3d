package dev.zmq;

import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * A network cut between us and a libzmq peer in a network namespace made by the test: the link goes down without
 * either side being told, heartbeats notice, messages sent meanwhile wait in the connecting side's queue, and once
 * the link is back they arrive, in order, each once.
 */
class NetworkCutTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final ZmqContext ctx = new ZmqContext();
    private NetworkNamespace ns;
    private Process peer;

    @BeforeEach
    void namespace() throws Exception {
        assumeTrue(NetworkNamespace.available(), "needs root and iproute2 to make a network namespace");
        ns = NetworkNamespace.create();
    }

    @AfterEach
    void close() throws Exception {
        ctx.close();
        if (peer != null) {
            peer.destroyForcibly();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void messagesQueuedDuringACutArriveAfterItInOrderAndOnce() throws Exception {
        peer = LibzmqScript.startInNamespace(ns.name(), """
                import sys, zmq
                s = zmq.Context().socket(zmq.PULL)
                s.bind('tcp://%s:5599' % sys.argv[1])
                print('bound', flush=True)
                while True:
                    print(s.recv().decode(), flush=True)
                """, ns.farAddress());
        BufferedReader lines = peer.inputReader();
        List<String> received = new ArrayList<>();
        readLines(lines, received, 1);
        assertThat(received.remove(0)).isEqualTo("bound");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.set(SocketOption.HEARTBEAT_IVL, Duration.ofMillis(200));
        push.set(SocketOption.HEARTBEAT_TIMEOUT, Duration.ofMillis(800));
        push.set(SocketOption.RECONNECT_IVL, Duration.ofMillis(100));
        push.set(SocketOption.CONNECT_TIMEOUT, Duration.ofMillis(500));
        List<SocketEvent> events = new CopyOnWriteArrayList<>();
        push.addMonitor(events::add);
        push.connect("tcp://" + ns.farAddress() + ":5599");
        for (int i = 0; i < 100; i++) {
            push.send("m" + i);
        }
        readLines(lines, received, 100);

        ns.link(false);
        await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.type() == SocketEventType.DISCONNECTED
                && e.detail().contains("heartbeat timeout")));
        for (int i = 100; i < 200; i++) {
            push.send("m" + i);
        }
        assertThat(push.statistics().peers()).singleElement()
                .satisfies(p -> assertThat(p.queuedOut()).isEqualTo(100));
        ns.link(true);
        readLines(lines, received, 200);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add("m" + i);
        }
        assertThat(received).containsExactlyElementsOf(expected);
        push.send("after");
        readLines(lines, received, 201);
        assertThat(received.get(200)).isEqualTo("after");
    }

    /** Reads the peer's lines into {@code into} until it holds {@code count}, failing after {@link #WAIT}. */
    private static void readLines(BufferedReader lines, List<String> into, int count) {
        await().atMost(WAIT).until(() -> {
            while (into.size() < count && lines.ready()) {
                into.add(lines.readLine());
            }
            return into.size() >= count;
        });
    }
}
