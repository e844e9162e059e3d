package dev.zmq.interop;

import dev.zmq.Frame;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every one-way socket pair against libzmq 4.3 (python3-zmq subprocess) and JeroMQ 0.6.0, with our socket on either
 * side of the pair and in either role (bind or connect).
 */
class InteropTest extends PeerFixture {

    private static final String ANY_PORT = "tcp://127.0.0.1:*";



    /** Links two sides: {@code binder} binds an ephemeral port, {@code connecter} connects to it. */
    private static void link(TestPeer binder, TestPeer connecter) {
        connect(connecter, binder, binder.bind(ANY_PORT));
    }

    /**
     * Connects; when a JeroMQ socket connects to ours, waits for our side to see the handshake and renews the
     * JeroMQ socket when it stalls (see {@link JeromqPeer#renew()}).
     */
    static void connect(TestPeer connecter, TestPeer binder, String endpoint) {
        if (connecter instanceof JeromqPeer jeromq && binder instanceof OurPeer ours) {
            connect(jeromq, ours.socket, endpoint);
        } else {
            connecter.connect(endpoint);
        }
    }

    /** As {@link #connect(TestPeer, TestPeer, String)} for a JeroMQ socket connecting to our {@code socket}. */
    static void connect(JeromqPeer jeromq, ZmqSocket ours, String endpoint) {
        try (HandshakeWatch watch = new HandshakeWatch(ours)) {
            for (int attempt = 0; attempt < 5; attempt++) {
                jeromq.connect(endpoint);
                if (watch.sawHandshake()) {
                    return;
                }
                jeromq.renew();
                watch.renewed();
            }
            throw new AssertionError("JeroMQ never completed a handshake with " + endpoint);
        }
    }

    static Stream<Arguments> matrix() {
        return Stream.of(PeerKind.values()).flatMap(k -> Stream.of(
                Arguments.of(k, true, true), Arguments.of(k, true, false),
                Arguments.of(k, false, true), Arguments.of(k, false, false)));
    }

    static List<ZmqMessage> edgeCases() {
        byte[] mib = new byte[1 << 20];
        for (int i = 0; i < mib.length; i++) {
            mib[i] = (byte) (i * 31);
        }
        return List.of(
                ZmqMessage.of(Frame.EMPTY),
                ZmqMessage.of(new byte[255]),
                ZmqMessage.of(filled(256)),
                ZmqMessage.of(mib),
                ZmqMessage.of("routing", "", "body"));
    }

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    private static List<ZmqMessage> sequence(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> ZmqMessage.of(prefix + i)).toList();
    }

    // ---------------------------------------------------------------- PUSH/PULL and PAIR

    @ParameterizedTest(name = "{0}: we push={1}, we bind={2}")
    @MethodSource("matrix")
    void pushPull(PeerKind kind, boolean wePush, boolean weBind) {
        TestPeer push = side(wePush, kind, SocketType.PUSH);
        TestPeer pull = side(!wePush, kind, SocketType.PULL);
        boolean pushBinds = wePush == weBind;
        link(pushBinds ? push : pull, pushBinds ? pull : push);
        assertDelivered(push, pull);
    }

    @ParameterizedTest(name = "{0}: we send first={1}, we bind={2}")
    @MethodSource("matrix")
    void pair(PeerKind kind, boolean weSendFirst, boolean weBind) {
        TestPeer ours = side(true, kind, SocketType.PAIR);
        TestPeer theirs = side(false, kind, SocketType.PAIR);
        link(weBind ? ours : theirs, weBind ? theirs : ours);
        TestPeer first = weSendFirst ? ours : theirs;
        TestPeer second = weSendFirst ? theirs : ours;
        assertDelivered(first, second);
        second.send(ZmqMessage.of("reply", "two frames"));
        assertThat(first.recv(WAIT)).isEqualTo(ZmqMessage.of("reply", "two frames"));
    }

    /** Edge-case messages, then 10,000 in order, from {@code sender} to {@code receiver}. */
    private static void assertDelivered(TestPeer sender, TestPeer receiver) {
        for (ZmqMessage m : edgeCases()) {
            sender.send(m);
            assertThat(receiver.recv(WAIT)).isEqualTo(m);
        }
        sender.sendMany(10_000, "m-");
        assertThat(receiver.recvMany(10_000, WAIT)).containsExactlyElementsOf(sequence("m-", 10_000));
    }

    @ParameterizedTest(name = "{0}: we send first={1}, we bind={2}")
    @MethodSource("matrix")
    void pairOverIpv6Loopback(PeerKind kind, boolean weSendFirst, boolean weBind) {
        TestPeer ours = side(true, kind, SocketType.PAIR);
        TestPeer theirs = side(false, kind, SocketType.PAIR);
        theirs.ipv6();
        TestPeer binder = weBind ? ours : theirs;
        TestPeer connecter = weBind ? theirs : ours;
        String endpoint = binder.bind("tcp://[::1]:*");
        assertThat(endpoint).as("JeroMQ writes the loopback address uncompressed")
                .matches("tcp://\\[(::1|0:0:0:0:0:0:0:1)]:\\d+");
        connect(connecter, binder, endpoint);
        TestPeer first = weSendFirst ? ours : theirs;
        TestPeer second = weSendFirst ? theirs : ours;
        ZmqMessage hello = ZmqMessage.of("over", "ipv6");
        first.send(hello);
        assertThat(second.recv(WAIT)).isEqualTo(hello);
        second.send(ZmqMessage.of("and back"));
        assertThat(first.recv(WAIT)).isEqualTo(ZmqMessage.of("and back"));
    }

    // ---------------------------------------------------------------- PUB/SUB family

    static Stream<Arguments> pubSubMatrix() {
        List<Arguments> out = new ArrayList<>();
        for (PeerKind k : PeerKind.values()) {
            for (SocketType pub : List.of(SocketType.PUB, SocketType.XPUB)) {
                for (SocketType sub : List.of(SocketType.SUB, SocketType.XSUB)) {
                    for (boolean wePublish : List.of(true, false)) {
                        for (boolean weBind : List.of(true, false)) {
                            out.add(Arguments.of(k, pub, sub, wePublish, weBind));
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}->{2}, we publish={3}, we bind={4}")
    @MethodSource("pubSubMatrix")
    void publishSubscribe(PeerKind kind, SocketType pubType, SocketType subType, boolean wePublish, boolean weBind) {
        TestPeer pub = side(wePublish, kind, pubType);
        TestPeer sub = side(!wePublish, kind, subType);
        boolean pubBinds = wePublish == weBind;
        link(pubBinds ? pub : sub, pubBinds ? sub : pub);

        subscription(sub, subType, "A", true);
        if (pubType == SocketType.XPUB) {
            assertThat(awaitUpstream(pub, sub)).isEqualTo(ZmqMessage.of(bytes("\u0001A")));
        }
        awaitTopicFlows(pub, sub, "A");
        pub.send(ZmqMessage.of("B-1"));
        pub.send(ZmqMessage.of("A-1"));
        pub.send(ZmqMessage.of("A-2", "second frame", ""));
        pub.send(ZmqMessage.of("B-2"));
        pub.send(ZmqMessage.of("A-end"));
        assertThat(sub.recv(WAIT)).isEqualTo(ZmqMessage.of("A-1"));
        assertThat(sub.recv(WAIT)).isEqualTo(ZmqMessage.of("A-2", "second frame", ""));
        assertThat(sub.recv(WAIT)).isEqualTo(ZmqMessage.of("A-end"));

        subscription(sub, subType, "A", false);
        if (pubType == SocketType.XPUB) {
            assertThat(awaitUpstream(pub, sub)).isEqualTo(ZmqMessage.of(bytes("\u0000A")));
        }
        subscription(sub, subType, "B", true);
        awaitTopicFlows(pub, sub, "B");
        pub.send(ZmqMessage.of("A-after-cancel"));
        pub.send(ZmqMessage.of("B-end"));
        assertThat(sub.recv(WAIT)).isEqualTo(ZmqMessage.of("B-end"));
    }

    /**
     * The next (un)subscription an XPUB receives. libzmq and JeroMQ attach a newly accepted pipe, and so send their
     * subscriptions on it, only when their application thread next enters the socket: the subscriber is pumped with
     * short receives meanwhile.
     */
    private static ZmqMessage awaitUpstream(TestPeer xpub, TestPeer sub) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ZmqMessage got = null;
        while (got == null && System.nanoTime() < deadline) {
            assertThat(sub.recv(Duration.ofMillis(1))).as("nothing is published yet").isNull();
            got = xpub.recv(Duration.ofMillis(50));
        }
        return got;
    }

    private static void subscription(TestPeer sub, SocketType type, String topic, boolean on) {
        if (type == SocketType.XSUB) {
            sub.send(ZmqMessage.of(bytes((on ? "\u0001" : "\u0000") + topic)));
        } else if (on) {
            sub.subscribe(bytes(topic));
        } else {
            sub.unsubscribe(bytes(topic));
        }
    }

    /**
     * Publishes probes on {@code topic} until one arrives (subscriptions travel asynchronously), then a marker, and
     * reads up to the marker so the subscriber's queue is empty afterwards.
     */
    static void awaitTopicFlows(TestPeer pub, TestPeer sub, String topic) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ZmqMessage got = null;
        while (got == null && System.nanoTime() < deadline) {
            pub.send(ZmqMessage.of(topic + "-probe"));
            got = sub.recv(Duration.ofMillis(50));
        }
        assertThat(got).as("a probe on topic " + topic + " reached the subscriber").isNotNull();
        pub.send(ZmqMessage.of(topic + "-sync"));
        ZmqMessage m;
        do {
            m = sub.recv(WAIT);
            assertThat(m).as("sync marker on " + topic).isNotNull();
        } while (!m.equals(ZmqMessage.of(topic + "-sync")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------- restarts

    private static CountDownLatch latchOn(OurPeer ours, SocketEventType type) {
        CountDownLatch latch = new CountDownLatch(1);
        ours.socket.addMonitor(e -> {
            if (e.type() == type) {
                latch.countDown();
            }
        });
        return latch;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PeerKind.class)
    void connectingPushKeepsQueuedMessagesAcrossPeerRestart(PeerKind kind) throws Exception {
        OurPeer push = (OurPeer) side(true, kind, SocketType.PUSH);
        TestPeer pull = kind.create(SocketType.PULL);
        String endpoint = pull.bind(ANY_PORT);
        CountDownLatch disconnected = latchOn(push, SocketEventType.DISCONNECTED);
        push.connect(endpoint);
        push.send(ZmqMessage.of("before"));
        assertThat(pull.recv(WAIT)).isEqualTo(ZmqMessage.of("before"));

        pull.kill();
        assertThat(disconnected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        push.sendMany(500, "while-down-");

        TestPeer restarted = side(false, kind, SocketType.PULL);
        restarted.bind(endpoint);
        push.sendMany(500, "after-");
        List<ZmqMessage> expected = new ArrayList<>(sequence("while-down-", 500));
        expected.addAll(sequence("after-", 500));
        assertThat(restarted.recvMany(1000, WAIT)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PeerKind.class)
    void subscriberResubscribesWhenPublisherRestarts(PeerKind kind) throws Exception {
        OurPeer sub = (OurPeer) side(true, kind, SocketType.SUB);
        TestPeer pub = kind.create(SocketType.PUB);
        String endpoint = pub.bind(ANY_PORT);
        CountDownLatch disconnected = latchOn(sub, SocketEventType.DISCONNECTED);
        sub.connect(endpoint);
        sub.subscribe(bytes("A"));
        awaitTopicFlows(pub, sub, "A");

        pub.kill();
        assertThat(disconnected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        TestPeer restarted = side(false, kind, SocketType.PUB);
        restarted.bind(endpoint);
        awaitTopicFlows(restarted, sub, "A");
        restarted.send(ZmqMessage.of("B-ignored"));
        restarted.send(ZmqMessage.of("A-last"));
        assertThat(sub.recv(WAIT)).isEqualTo(ZmqMessage.of("A-last"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PeerKind.class)
    void boundPullServesARestartedForeignPusher(PeerKind kind) {
        TestPeer pull = side(true, kind, SocketType.PULL);
        String endpoint = pull.bind(ANY_PORT);
        TestPeer first = kind.create(SocketType.PUSH);
        connect(first, pull, endpoint);
        first.sendMany(100, "first-");
        assertThat(pull.recvMany(100, WAIT)).containsExactlyElementsOf(sequence("first-", 100));
        first.kill();

        TestPeer second = side(false, kind, SocketType.PUSH);
        connect(second, pull, endpoint);
        second.sendMany(100, "second-");
        assertThat(pull.recvMany(100, WAIT)).containsExactlyElementsOf(sequence("second-", 100));
    }

    // ---------------------------------------------------------------- handshake rules, limits, heartbeats

    private static List<SocketEvent> record(OurPeer ours) {
        List<SocketEvent> events = new CopyOnWriteArrayList<>();
        ours.socket.addMonitor(events::add);
        return events;
    }

    private static List<String> details(List<SocketEvent> events, SocketEventType type) {
        return events.stream().filter(e -> e.type() == type).map(SocketEvent::detail).toList();
    }

    @ParameterizedTest(name = "{0}: we bind={1}")
    @MethodSource("kindsAndRoles")
    void incompatibleSocketTypesNeverExchangeMessages(PeerKind kind, boolean weBind) {
        OurPeer push = (OurPeer) side(true, kind, SocketType.PUSH);
        push.socket.set(SocketOption.HANDSHAKE_IVL, Duration.ofSeconds(1));
        List<SocketEvent> events = record(push);
        TestPeer pub = side(false, kind, SocketType.PUB);
        (weBind ? pub : push).connect((weBind ? push : pub).bind(ANY_PORT));
        await().atMost(WAIT).until(() -> !details(events, SocketEventType.HANDSHAKE_FAILED).isEmpty());
        assertThat(details(events, SocketEventType.HANDSHAKE_FAILED).get(0))
                .as("either we refuse the PUB, or the foreign side drops us first (JeroMQ may also stall, see"
                        + " JeromqPeer#renew, and then our handshake interval ends it)")
                .matches("incompatible socket type: PUSH cannot talk to PUB|peer closed the connection"
                        + "|connection error: Connection reset.*|handshake did not complete within HANDSHAKE_IVL 1000 ms");
        assertThat(details(events, SocketEventType.HANDSHAKE_SUCCEEDED)).isEmpty();
    }

    static Stream<Arguments> kindsAndRoles() {
        return Stream.of(PeerKind.values()).flatMap(k -> Stream.of(Arguments.of(k, true), Arguments.of(k, false)));
    }

    @ParameterizedTest(name = "{0}: we bind={1}")
    @MethodSource("kindsAndRoles")
    void oversizedMessagesFromAForeignPeerAreRefusedWithAReason(PeerKind kind, boolean weBind) {
        OurPeer pull = (OurPeer) side(true, kind, SocketType.PULL);
        pull.maxMessageSize(1000);
        List<SocketEvent> events = record(pull);
        TestPeer push = side(false, kind, SocketType.PUSH);
        link(weBind ? pull : push, weBind ? push : pull);
        push.send(ZmqMessage.of(new byte[1000]));
        assertThat(pull.recv(WAIT).first().size()).isEqualTo(1000);
        push.send(ZmqMessage.of(new byte[2000]));
        // a JeroMQ connection replaced for its stall (see JeromqPeer#renew) may report "peer closed" first
        await().atMost(WAIT).untilAsserted(() -> assertThat(details(events, SocketEventType.DISCONNECTED))
                .contains("frame of 2000 bytes exceeds MAXMSGSIZE 1000"));
        push.send(ZmqMessage.of("small again"));
        assertThat(pull.recv(WAIT)).isEqualTo(ZmqMessage.of("small again"));
    }

    @ParameterizedTest(name = "{0}: we bind={1}")
    @MethodSource("kindsAndRoles")
    void heartbeatsKeepAnIdleConnectionAliveBothWays(PeerKind kind, boolean weBind) {
        OurPeer sub = (OurPeer) side(true, kind, SocketType.SUB);
        // each side PINGs every 100 ms and drops the link after 3 s without traffic: a side that did not answer
        // PINGs would be dropped within 3 s, so staying up while idle for 6.5 s (over twice the timeout, 65 PING
        // intervals) shows both answer; 3 s is far above the scheduling stalls of a loaded 2-core box
        sub.heartbeat(100, 3000);
        List<SocketEvent> events = record(sub);
        TestPeer pub = side(false, kind, SocketType.PUB);
        pub.heartbeat(100, 3000);
        link(weBind ? sub : pub, weBind ? pub : sub);
        sub.subscribe(bytes("A"));
        awaitTopicFlows(pub, sub, "A");
        await().during(Duration.ofMillis(6500)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(details(events, SocketEventType.DISCONNECTED)).isEmpty());
        pub.send(ZmqMessage.of("A-still-connected"));
        assertThat(sub.recv(WAIT)).isEqualTo(ZmqMessage.of("A-still-connected"));
    }
}
