package dev.zmq.interop;

import dev.zmq.Frame;
import dev.zmq.SocketType;
import dev.zmq.ZmqMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request-reply pairs (REQ-REP, REQ-ROUTER, DEALER-REP, DEALER-ROUTER, DEALER-DEALER, ROUTER-ROUTER) against
 * libzmq and JeroMQ, with our socket as client or server, binding or connecting.
 */
class RequestReplyInteropTest extends PeerFixture {

    private static final byte[] CLIENT_ID = "client-1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_ID = "server-1".getBytes(StandardCharsets.US_ASCII);


    static Stream<Arguments> matrix() {
        List<SocketType[]> pairs = List.of(
                new SocketType[] {SocketType.REQ, SocketType.REP},
                new SocketType[] {SocketType.REQ, SocketType.ROUTER},
                new SocketType[] {SocketType.DEALER, SocketType.REP},
                new SocketType[] {SocketType.DEALER, SocketType.ROUTER},
                new SocketType[] {SocketType.DEALER, SocketType.DEALER},
                new SocketType[] {SocketType.ROUTER, SocketType.ROUTER});
        List<Arguments> out = new ArrayList<>();
        for (PeerKind k : PeerKind.values()) {
            for (SocketType[] pair : pairs) {
                for (boolean weAreClient : List.of(true, false)) {
                    for (boolean weBind : List.of(true, false)) {
                        out.add(Arguments.of(k, pair[0], pair[1], weAreClient, weBind));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}->{2}, we are client={3}, we bind={4}")
    @MethodSource("matrix")
    void requestsAndRepliesTravelWithTheirEnvelopes(PeerKind kind, SocketType clientType, SocketType serverType,
                                                    boolean weAreClient, boolean weBind) {
        TestPeer client = side(weAreClient, kind, clientType);
        TestPeer server = side(!weAreClient, kind, serverType);
        client.routingId(CLIENT_ID);
        boolean routerPair = clientType == SocketType.ROUTER;
        if (routerPair) {
            server.routingId(SERVER_ID);
        }
        TestPeer binder = weBind == weAreClient ? client : server;
        TestPeer connecter = binder == client ? server : client;
        if (routerPair) {
            connecter.probeRouter();
        }
        InteropTest.connect(connecter, binder, binder.bind("tcp://127.0.0.1:*"));

        Conversation c = new Conversation(clientType, serverType);
        if (routerPair) {
            TestPeer other = binder == client ? server : client;
            byte[] otherId = other == client ? CLIENT_ID : SERVER_ID;
            assertThat(binder.recv(WAIT)).as("the probe").isEqualTo(ZmqMessage.of(otherId, new byte[0]));
        }
        for (int i = 0; i < 50; i++) {
            ZmqMessage request = i == 0 ? ZmqMessage.of("req-0", "second part") : ZmqMessage.of("req-" + i);
            client.send(c.fromClient(request));
            assertThat(c.atServer(server.recv(WAIT))).isEqualTo(request);
            ZmqMessage reply = ZmqMessage.of("rep-" + i);
            server.send(c.fromServer(reply));
            assertThat(c.atClient(client.recv(WAIT))).isEqualTo(reply);
        }
    }


    static Stream<Arguments> requestReplySides() {
        return Stream.of(PeerKind.values()).flatMap(k -> Stream.of(Arguments.of(k, true), Arguments.of(k, false)));
    }

    /**
     * Our REQ and REP write to an idle connection on the sending thread. A request or reply of two 3 MiB frames
     * does not fit one write, so the I/O thread must take over where the sending thread stopped; PINGs every
     * millisecond interleave with the direct writes; every message arrives whole and in order.
     */
    @ParameterizedTest(name = "{0}: our REQ={1}")
    @MethodSource("requestReplySides")
    void directWritesHandOverToTheIoThreadAndInterleaveWithHeartbeats(PeerKind kind, boolean weAreClient) {
        TestPeer client = side(weAreClient, kind, SocketType.REQ);
        TestPeer server = side(!weAreClient, kind, SocketType.REP);
        (weAreClient ? client : server).heartbeat(1, 5_000);
        InteropTest.connect(client, server, server.bind("tcp://127.0.0.1:*"));
        byte[] large = new byte[3 << 20];
        new Random(7).nextBytes(large);
        for (int i = 0; i < 300; i++) {
            ZmqMessage request = i % 100 == 0 ? ZmqMessage.of(large, ("req-" + i).getBytes(StandardCharsets.UTF_8),
                    large) : ZmqMessage.of("req-" + i);
            client.send(request);
            assertThat(server.recv(WAIT)).as("request %d", i).isEqualTo(request);
            ZmqMessage reply = i % 100 == 50 ? ZmqMessage.of(large, large) : ZmqMessage.of("rep-" + i);
            server.send(reply);
            assertThat(client.recv(WAIT)).as("reply %d", i).isEqualTo(reply);
        }
    }

    /**
     * The frames the applications exchange for one pair: REQ and REP hide their envelope; a DEALER talking to a REP
     * or a ROUTER answering a REQ handle the empty delimiter themselves; ROUTERs add and strip routing ids.
     */
    private record Conversation(SocketType client, SocketType server) {

        private boolean delimited() {
            return client == SocketType.REQ || server == SocketType.REP;
        }

        ZmqMessage fromClient(ZmqMessage body) {
            return client == SocketType.REQ ? body : wrap(client == SocketType.ROUTER ? SERVER_ID : null, body);
        }

        ZmqMessage atServer(ZmqMessage wire) {
            return server == SocketType.REP ? wire : unwrap(server == SocketType.ROUTER ? CLIENT_ID : null, wire);
        }

        ZmqMessage fromServer(ZmqMessage body) {
            return server == SocketType.REP ? body : wrap(server == SocketType.ROUTER ? CLIENT_ID : null, body);
        }

        ZmqMessage atClient(ZmqMessage wire) {
            return client == SocketType.REQ ? wire : unwrap(client == SocketType.ROUTER ? SERVER_ID : null, wire);
        }

        private ZmqMessage wrap(byte[] routingId, ZmqMessage body) {
            ZmqMessage.Builder b = ZmqMessage.builder();
            if (routingId != null) {
                b.add(routingId);
            }
            if (delimited()) {
                b.add(Frame.EMPTY);
            }
            body.frames().forEach(b::add);
            return b.build();
        }

        private ZmqMessage unwrap(byte[] routingId, ZmqMessage wire) {
            int i = 0;
            if (routingId != null) {
                assertThat(wire.frame(0).data()).as("routing id").isEqualTo(routingId);
                i++;
            }
            if (delimited()) {
                assertThat(wire.frame(i).isEmpty()).as("empty delimiter").isTrue();
                i++;
            }
            return ZmqMessage.of(wire.frames().subList(i, wire.size()));
        }
    }
}
