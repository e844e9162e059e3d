package dev.zmq;

import dev.zmq.monitor.HandshakeFailure;
import dev.zmq.monitor.SocketStatistics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What metrics and health checks read: names, lifecycle callbacks, endpoints and event counters. */
class ContextObservabilityTest extends ContextFixture {

    @Test
    void namedSocketsKeepUniqueNamesAndListenersHearOpensAndCloses() {
        List<String> heard = new CopyOnWriteArrayList<>();
        ctx.addSocketListener(new SocketListener() {
            @Override
            public void socketOpened(ZmqSocket socket) {
                heard.add("+" + socket.name());
            }

            @Override
            public void socketClosed(ZmqSocket socket) {
                heard.add("-" + socket.name());
            }
        });
        ZmqSocket a = ctx.socket(SocketType.PUSH, "orders");
        ZmqSocket b = ctx.socket(SocketType.PUSH, "orders");
        ZmqSocket c = ctx.socket(SocketType.PULL);
        assertThat(a.name()).isEqualTo("orders");
        assertThat(b.name()).startsWith("orders#").isNotEqualTo(a.name());
        assertThat(c.name()).startsWith("PULL#");
        a.close();
        assertThat(heard).containsExactly("+orders", "+" + b.name(), "+" + c.name(), "-orders");
        assertThat(ctx.sockets()).containsExactlyInAnyOrder(b, c);
    }

    @Test
    void endpointsAreVisibleFromAnyThreadAndFollowBindsAndConnects() {
        ZmqSocket s = ctx.socket(SocketType.PULL);
        s.bind("tcp://127.0.0.1:*");
        s.bind("inproc://seen");
        s.connect("tcp://127.0.0.1:1");
        assertThat(s.boundEndpoints()).containsExactly(s.boundEndpoints().get(0), "inproc://seen");
        assertThat(s.boundEndpoints().get(0)).startsWith("tcp://127.0.0.1:");
        assertThat(s.connectedEndpoints()).containsExactly("tcp://127.0.0.1:1");
        s.disconnect("tcp://127.0.0.1:1");
        s.unbind("inproc://seen");
        assertThat(s.connectedEndpoints()).isEmpty();
        assertThat(s.boundEndpoints()).hasSize(1);
        s.close();
        assertThat(s.boundEndpoints()).isEmpty();
    }

    @Test
    void reconnectsAndHandshakeFailuresAreCountedWithoutAMonitor() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.RECONNECT_IVL, Duration.ofMillis(10));
        push.connect("tcp://127.0.0.1:" + port);
        await().atMost(WAIT).until(() -> push.statistics().events().reconnects() >= 2);

        ZmqSocket pub = ctx.socket(SocketType.PUB);
        pub.bind("tcp://127.0.0.1:*");
        ZmqSocket wrong = ctx.socket(SocketType.PULL);
        wrong.connect(pub.lastEndpoint());
        await().atMost(WAIT).until(() -> {
            SocketStatistics st = pub.statistics();
            return st.events().handshakeFailures(HandshakeFailure.SOCKET_TYPE) > 0;
        });
    }

    @Test
    void handshakeFailureKindsComeFromTheReason() {
        assertThat(HandshakeFailure.of("incompatible socket type: PUB cannot talk to PULL"))
                .isEqualTo(HandshakeFailure.SOCKET_TYPE);
        assertThat(HandshakeFailure.of("security mechanism mismatch: we use NULL, peer PLAIN"))
                .isEqualTo(HandshakeFailure.MECHANISM);
        assertThat(HandshakeFailure.of("handshake did not complete within 100 ms")).isEqualTo(HandshakeFailure.TIMEOUT);
        assertThat(HandshakeFailure.of("peer closed the connection")).isEqualTo(HandshakeFailure.CONNECTION);
        assertThat(HandshakeFailure.of("bad greeting signature")).isEqualTo(HandshakeFailure.PROTOCOL);
        assertThat(HandshakeFailure.SOCKET_TYPE.tag()).isEqualTo("socket-type");
    }
}
