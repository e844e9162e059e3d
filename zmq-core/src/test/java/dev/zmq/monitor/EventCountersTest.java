package dev.zmq.monitor;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the metrics' totals are made of: reconnects, handshake failures by kind, MAXMSGSIZE drops. */
class EventCountersTest {

    private final EventCounters counters = new EventCounters();

    @Test
    void countsReconnectsAndIgnoresEventsWithoutATotal() {
        counters.count(SocketEventType.CONNECT_RETRIED, "in 100 ms");
        counters.count(SocketEventType.CONNECT_RETRIED, "in 200 ms");
        counters.count(SocketEventType.CONNECTED, "");
        counters.count(SocketEventType.LISTENING, "");
        assertThat(counters.reconnects()).isEqualTo(2);
        assertThat(counters.droppedMaxSize()).isZero();
        for (HandshakeFailure f : HandshakeFailure.values()) {
            assertThat(counters.handshakeFailures(f)).as(f.tag()).isZero();
        }
    }

    @Test
    void sortsHandshakeFailuresByTheirReason() {
        counters.count(SocketEventType.HANDSHAKE_FAILED, "incompatible socket type: PULL cannot talk to PUB");
        counters.count(SocketEventType.HANDSHAKE_FAILED, "security mechanism mismatch: we use NULL, the peer uses PLAIN");
        counters.count(SocketEventType.HANDSHAKE_FAILED, "authentication failed: 400 bad password");
        counters.count(SocketEventType.HANDSHAKE_FAILED, "handshake did not complete within HANDSHAKE_IVL 100 ms");
        counters.count(SocketEventType.HANDSHAKE_FAILED, "peer closed the connection");
        counters.count(SocketEventType.HANDSHAKE_FAILED, "not a ZMTP peer: greeting signature is wrong");
        assertThat(counters.handshakeFailures(HandshakeFailure.SOCKET_TYPE)).isEqualTo(1);
        assertThat(counters.handshakeFailures(HandshakeFailure.MECHANISM)).isEqualTo(2);
        assertThat(counters.handshakeFailures(HandshakeFailure.TIMEOUT)).isEqualTo(1);
        assertThat(counters.handshakeFailures(HandshakeFailure.CONNECTION)).isEqualTo(1);
        assertThat(counters.handshakeFailures(HandshakeFailure.PROTOCOL)).isEqualTo(1);
    }

    @Test
    void countsConnectionsDroppedForAnOversizedMessageWhetherDuringOrAfterTheHandshake() {
        counters.count(SocketEventType.DISCONNECTED, "message of 2000 bytes exceeds MAXMSGSIZE 1000");
        counters.count(SocketEventType.HANDSHAKE_FAILED, "command of 20000 bytes exceeds MAXMSGSIZE 16384");
        counters.count(SocketEventType.DISCONNECTED, "peer closed the connection");
        assertThat(counters.droppedMaxSize()).isEqualTo(2);
        assertThat(counters.handshakeFailures(HandshakeFailure.PROTOCOL)).isEqualTo(1);
    }

    @Test
    void countsFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int t = 0; t < 4; t++) {
                pool.execute(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        counters.count(SocketEventType.CONNECT_RETRIED, "");
                    }
                });
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(counters.reconnects()).isEqualTo(40_000);
    }
}
