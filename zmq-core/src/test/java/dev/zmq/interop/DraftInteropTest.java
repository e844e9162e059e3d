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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The draft socket types against JeroMQ 0.6.0 (Debian's libzmq is built without them): each pair in both roles,
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

    /** Binds whichever side {@code weBind} says and connects the other, over TCP. */
    private static void link(boolean weBind, ZmqSocket ours, ZMQ.Socket theirs) {
        if (weBind) {
            ours.bind("tcp://127.0.0.1:*");
            theirs.connect(ours.lastEndpoint());
        } else {
            theirs.bind("tcp://127.0.0.1:*");
            ours.connect(theirs.getLastEndpoint());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void ourServerAnswersAJeromqClient(boolean weBind) {
        ZmqSocket server = ctx.socket(SocketType.SERVER);
        ZMQ.Socket client = jeromqSocket(org.zeromq.SocketType.CLIENT);
        link(weBind, server, client);
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
        ZMQ.Socket server = jeromqSocket(org.zeromq.SocketType.SERVER);
        link(weBind, client, server);
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
        ZMQ.Socket dish = jeromqSocket(org.zeromq.SocketType.DISH);
        dish.join("weather");
        link(weBind, radio, dish);
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
        ZMQ.Socket radio = jeromqSocket(org.zeromq.SocketType.RADIO);
        link(weBind, dish, radio);
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
        ZMQ.Socket gather = jeromqSocket(org.zeromq.SocketType.GATHER);
        link(weBind, scatter, gather);
        scatter.send("to jeromq");
        assertThat(gather.recvStr()).isEqualTo("to jeromq");

        ZmqSocket ourGather = ctx.socket(SocketType.GATHER);
        ZMQ.Socket theirScatter = jeromqSocket(org.zeromq.SocketType.SCATTER);
        link(weBind, ourGather, theirScatter);
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
        bound.bind("tcp://127.0.0.1:*");
        ZMQ.Socket connecting = jeromqSocket(org.zeromq.SocketType.PEER);
        int theirId = connecting.connectPeer(bound.lastEndpoint());
        ZFrame hello = new ZFrame("hello");
        hello.setRoutingId(theirId);
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
        ZMQ.Socket theirs = jeromqSocket(org.zeromq.SocketType.CHANNEL);
        link(weBind, ours, theirs);
        ours.send("ping");
        assertThat(theirs.recvStr()).isEqualTo("ping");
        assertThat(theirs.send("pong")).isTrue();
        assertThat(ours.recv(WAIT).first().text()).isEqualTo("pong");
    }
}
