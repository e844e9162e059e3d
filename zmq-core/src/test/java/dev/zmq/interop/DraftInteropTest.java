package dev.zmq.interop;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;


import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The draft socket types against JeroMQ 0.6.0 (libzmq itself in {@link LibzmqDraftInteropTest}): each pair in both roles,
 * bind and connect, over TCP. JeroMQ announces ZMTP 3.0 and the same Socket-Type names.
 */
class DraftInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ZmqContext ctx = new ZmqContext();
    private final ZContext jeromq = new ZContext(1);

    @AfterEach
    void close() {
        ctx.close();
        jeromq.close();
    }

    private ZMQ.Socket jeromqSocket(org.zeromq.SocketType type) {
        ZMQ.Socket s = jeromq.createSocket(type);
        s.setLinger(0);
        s.setReceiveTimeOut((int) WAIT.toMillis());
        return s;
    }

    /**
     * Makes a JeroMQ socket of {@code type} (set up by {@code setup}), binds whichever side {@code weBind} says and
     * connects the other over TCP, and returns the JeroMQ socket once our side saw the handshake. JeroMQ 0.6.0 now
     * and then never starts the handshake on a new connection; then its socket is replaced and linked again.
     */
    private ZMQ.Socket link(boolean weBind, ZmqSocket ours, org.zeromq.SocketType type, Consumer<ZMQ.Socket> setup,
                            BiConsumer<ZMQ.Socket, String> connector) {
        try (HandshakeWatch watch = new HandshakeWatch(ours)) {
            if (weBind) {
                ours.bind("tcp://127.0.0.1:*");
            }
            for (int attempt = 0; attempt < 5; attempt++) {
                ZMQ.Socket theirs = jeromqSocket(type);
                setup.accept(theirs);
                String theirEndpoint = null;
                if (weBind) {
                    connector.accept(theirs, ours.lastEndpoint());
                } else {
                    theirs.bind("tcp://127.0.0.1:*");
                    theirEndpoint = theirs.getLastEndpoint();
                    ours.connect(theirEndpoint);
                }
                if (watch.sawHandshake()) {
                    return theirs;
                }
                if (theirEndpoint != null) {
                    ours.disconnect(theirEndpoint);
                }
                jeromq.destroySocket(theirs);
                watch.renewed();
            }
            throw new AssertionError("JeroMQ never completed a handshake with " + ours);
        }
    }

    private ZMQ.Socket link(boolean weBind, ZmqSocket ours, org.zeromq.SocketType type, Consumer<ZMQ.Socket> setup) {
        return link(weBind, ours, type, setup, ZMQ.Socket::connect);
    }

    private ZMQ.Socket link(boolean weBind, ZmqSocket ours, org.zeromq.SocketType type) {
        return link(weBind, ours, type, s -> { });
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void ourServerAnswersAJeromqClient(boolean weBind) {
        ZmqSocket server = ctx.socket(SocketType.SERVER);
        ZMQ.Socket client = link(weBind, server, org.zeromq.SocketType.CLIENT);
        assertThat(client.send("question")).isTrue();
        ZmqMessage q = server.recv(WAIT);
        assertThat(q.first().text()).isEqualTo("question");
        server.send(ZmqMessage.of("answer").withRoutingId(q.routingId()));
        assertThat(client.recvStr()).isEqualTo("answer");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void ourClientAsksAJeromqServer(boolean weBind) {
        ZmqSocket client = ctx.socket(SocketType.CLIENT);
        ZMQ.Socket server = link(weBind, client, org.zeromq.SocketType.SERVER);
        client.send("question");
        ZFrame q = ZFrame.recvFrame(server);
        assertThat(q.getString(ZMQ.CHARSET)).isEqualTo("question");
        ZFrame a = new ZFrame("answer");
        a.setRoutingId(q.getRoutingId());
        assertThat(a.send(server, 0)).isTrue();
        assertThat(client.recv(WAIT).first().text()).isEqualTo("answer");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void ourRadioReachesTheGroupsAJeromqDishJoined(boolean weBind) {
        ZmqSocket radio = ctx.socket(SocketType.RADIO);
        ZMQ.Socket dish = link(weBind, radio, org.zeromq.SocketType.DISH, s -> s.join("weather"));
        dish.setReceiveTimeOut(50);
        await().atMost(WAIT).until(() -> {
            radio.send(ZmqMessage.of("other").withGroup("weather2"));
            radio.send(ZmqMessage.of("sunny").withGroup("weather"));
            ZFrame f = ZFrame.recvFrame(dish);
            if (f == null) {
                return false;
            }
            // JOIN arrived: only the joined group gets through
            assertThat(f.getGroup()).isEqualTo("weather");
            assertThat(f.getString(ZMQ.CHARSET)).isEqualTo("sunny");
            return true;
        });
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aJeromqRadioReachesOurDish(boolean weBind) {
        ZmqSocket dish = ctx.socket(SocketType.DISH);
        dish.join("news");
        ZMQ.Socket radio = link(weBind, dish, org.zeromq.SocketType.RADIO);
        await().atMost(WAIT).until(() -> {
            ZFrame other = new ZFrame("other");
            other.setGroup("sports");
            other.send(radio, 0);
            ZFrame f = new ZFrame("headline");
            f.setGroup("news");
            f.send(radio, 0);
            ZmqMessage m = dish.recv(Duration.ofMillis(50));
            if (m == null) {
                return false;
            }
            assertThat(m.group()).isEqualTo("news");
            assertThat(m.first().text()).isEqualTo("headline");
            return true;
        });
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void scatterAndGatherBothWays(boolean weBind) {
        ZmqSocket scatter = ctx.socket(SocketType.SCATTER);
        ZMQ.Socket gather = link(weBind, scatter, org.zeromq.SocketType.GATHER);
        scatter.send("to jeromq");
        assertThat(gather.recvStr()).isEqualTo("to jeromq");

        ZmqSocket ourGather = ctx.socket(SocketType.GATHER);
        ZMQ.Socket theirScatter = link(weBind, ourGather, org.zeromq.SocketType.SCATTER);
        assertThat(theirScatter.send("from jeromq")).isTrue();
        assertThat(ourGather.recv(WAIT).first().text()).isEqualTo("from jeromq");
    }

    @Test
    void peersTalkByRoutingIdInBothDirections() {
        ZMQ.Socket theirs = jeromqSocket(org.zeromq.SocketType.PEER);
        theirs.bind("tcp://127.0.0.1:*");
        ZmqSocket ours = ctx.socket(SocketType.PEER);
        int id = ours.connectPeer(theirs.getLastEndpoint());
        ours.send(ZmqMessage.of("hi jeromq").withRoutingId(id));
        ZFrame got = ZFrame.recvFrame(theirs);
        assertThat(got.getString(ZMQ.CHARSET)).isEqualTo("hi jeromq");
        ZFrame back = new ZFrame("hi ours");
        back.setRoutingId(got.getRoutingId());
        assertThat(back.send(theirs, 0)).isTrue();
        ZmqMessage reply = ours.recv(WAIT);
        assertThat(reply.first().text()).isEqualTo("hi ours");
        assertThat(reply.routingId()).isEqualTo(id);

        ZmqSocket bound = ctx.socket(SocketType.PEER);
        int[] theirId = new int[1];
        ZMQ.Socket connecting = link(true, bound, org.zeromq.SocketType.PEER, s -> { },
                (s, endpoint) -> theirId[0] = s.connectPeer(endpoint));
        ZFrame hello = new ZFrame("hello");
        hello.setRoutingId(theirId[0]);
        assertThat(hello.send(connecting, 0)).isTrue();
        ZmqMessage m = bound.recv(WAIT);
        assertThat(m.first().text()).isEqualTo("hello");
        bound.send(ZmqMessage.of("welcome").withRoutingId(m.routingId()));
        assertThat(ZFrame.recvFrame(connecting).getString(ZMQ.CHARSET)).isEqualTo("welcome");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void channelsExchangeBothWays(boolean weBind) {
        ZmqSocket ours = ctx.socket(SocketType.CHANNEL);
        ZMQ.Socket theirs = link(weBind, ours, org.zeromq.SocketType.CHANNEL);
        ours.send("ping");
        assertThat(theirs.recvStr()).isEqualTo("ping");
        assertThat(theirs.send("pong")).isTrue();
        assertThat(ours.recv(WAIT).first().text()).isEqualTo("pong");
    }
}
