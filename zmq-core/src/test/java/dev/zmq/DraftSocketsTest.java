package dev.zmq;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The draft socket types between our own sockets, over TCP and inproc: routing, groups, limits, thread-safety. */
class DraftSocketsTest extends ContextFixture {

    private static String endpoint(String transport, String name) {
        return transport.equals("tcp") ? "tcp://127.0.0.1:*" : "inproc://" + name;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    void serverRepliesToEachClientByRoutingId(String transport) {
        ZmqSocket server = ctx.socket(SocketType.SERVER);
        server.bind(endpoint(transport, "server"));
        ZmqSocket a = ctx.socket(SocketType.CLIENT);
        ZmqSocket b = ctx.socket(SocketType.CLIENT);
        a.connect(server.lastEndpoint());
        b.connect(server.lastEndpoint());
        a.send("from a");
        b.send("from b");
        for (int i = 0; i < 2; i++) {
            ZmqMessage request = server.recv(WAIT);
            assertThat(request).isNotNull();
            assertThat(request.routingId()).isNotZero();
            server.send(ZmqMessage.of("re: " + request.first().text()).withRoutingId(request.routingId()));
        }
        assertThat(a.recv(WAIT).first().text()).isEqualTo("re: from a");
        assertThat(b.recv(WAIT).first().text()).isEqualTo("re: from b");
    }

    @Test
    void singleFrameTypesRefuseMultipartAndServerNamesAMissingPeer() {
        ZmqSocket server = ctx.socket(SocketType.SERVER);
        server.bind("inproc://strict");
        ZmqSocket client = ctx.socket(SocketType.CLIENT);
        client.connect("inproc://strict");
        assertThatThrownBy(() -> client.send(ZmqMessage.of("a", "b"))).isInstanceOf(ZmqException.class)
                .hasMessageContaining("single-frame").extracting(e -> ((ZmqException) e).code())
                .isEqualTo(ErrorCode.EINVAL);
        assertThatThrownBy(() -> server.send(ZmqMessage.of("no id"))).isInstanceOf(ZmqException.class)
                .hasMessageContaining("routing id");
        assertThatThrownBy(() -> server.send(ZmqMessage.of("x").withRoutingId(12345)))
                .isInstanceOf(ZmqException.class).hasMessageContaining("no peer with routing id 12345")
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.EHOSTUNREACH);
        ZmqSocket radio = ctx.socket(SocketType.RADIO);
        assertThatThrownBy(() -> radio.send(ZmqMessage.of("no group"))).hasMessageContaining("needs a group");
        assertThatThrownBy(() -> client.join("g")).extracting(e -> ((ZmqException) e).code())
                .isEqualTo(ErrorCode.ENOTSUP);
        assertThatThrownBy(() -> ZmqMessage.of("x").withGroup("g".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
        client.send("still usable");
        assertThat(server.recv(WAIT).first().text()).isEqualTo("still usable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    void dishReceivesExactlyTheGroupsItJoined(String transport) {
        ZmqSocket radio = ctx.socket(SocketType.RADIO);
        radio.bind(endpoint(transport, "radio"));
        ZmqSocket dish = ctx.socket(SocketType.DISH);
        dish.join("weather");
        dish.connect(radio.lastEndpoint());
        dish.join("news");
        awaitGroupFlows(radio, dish, "weather");
        awaitGroupFlows(radio, dish, "news");
        radio.send(ZmqMessage.of("w2").withGroup("weather2"));
        radio.send(ZmqMessage.of("wea").withGroup("wea"));
        radio.send(ZmqMessage.of("sunny").withGroup("weather"));
        ZmqMessage m = dish.recv(WAIT);
        assertThat(m.first().text()).isEqualTo("sunny");
        assertThat(m.group()).isEqualTo("weather");

        dish.leave("news");
        assertThatThrownBy(() -> dish.leave("news")).hasMessageContaining("was not joined");
        assertThatThrownBy(() -> dish.join("weather")).hasMessageContaining("already joined");
        radio.send(ZmqMessage.of("gone").withGroup("news"));
        radio.send(ZmqMessage.of("marker").withGroup("weather"));
        // the RADIO applies the LEAVE before the marker, and one connection keeps order
        await().atMost(WAIT).until(() -> {
            radio.send(ZmqMessage.of("marker").withGroup("weather"));
            ZmqMessage next = dish.recv(Duration.ofMillis(50));
            assertThat(next == null ? null : next.group()).isNotEqualTo("news");
            return next != null;
        });
    }

    /** Sends to {@code group} until the DISH gets one: the JOIN travels asynchronously. */
    static void awaitGroupFlows(ZmqSocket radio, ZmqSocket dish, String group) {
        await().atMost(WAIT).until(() -> {
            radio.send(ZmqMessage.of("probe").withGroup(group));
            ZmqMessage m = dish.recv(Duration.ofMillis(50));
            return m != null && group.equals(m.group());
        });
        while (dish.recv(Duration.ofMillis(50)) != null) {
            // drain further probes
        }
    }

    @Test
    void radioKeepsJoinsAcrossAReconnect() throws Exception {
        ZmqSocket radio = ctx.socket(SocketType.RADIO);
        radio.bind("tcp://127.0.0.1:*");
        String ep = radio.lastEndpoint();
        ZmqSocket dish = ctx.socket(SocketType.DISH);
        dish.set(SocketOption.RECONNECT_IVL, Duration.ofMillis(20));
        dish.join("g");
        dish.connect(ep);
        awaitGroupFlows(radio, dish, "g");
        radio.close();
        ZmqSocket again = ctx.socket(SocketType.RADIO);
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> again.bind(ep));
        awaitGroupFlows(again, dish, "g");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    void scatterSpreadsOverGatherers(String transport) {
        ZmqSocket scatter = ctx.socket(SocketType.SCATTER);
        scatter.bind(endpoint(transport, "scatter"));
        ZmqSocket g1 = ctx.socket(SocketType.GATHER);
        ZmqSocket g2 = ctx.socket(SocketType.GATHER);
        g1.connect(scatter.lastEndpoint());
        g2.connect(scatter.lastEndpoint());
        await().atMost(WAIT).until(() -> scatter.statistics().peers().size() == 2);
        for (int i = 0; i < 10; i++) {
            scatter.send("m" + i);
        }
        List<String> got = new ArrayList<>();
        for (ZmqSocket g : List.of(g1, g2)) {
            for (int i = 0; i < 5; i++) {
                got.add(g.recv(WAIT).first().text());
            }
        }
        assertThat(got).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    void peerConnectsByRoutingIdBeforeTheOtherSideIsThere(String transport) throws Exception {
        String ep = transport.equals("tcp") ? "tcp://127.0.0.1:" + freePort() : "inproc://peer";
        ZmqSocket left = ctx.socket(SocketType.PEER);
        int id = left.connectPeer(ep);
        assertThat(id).isNotZero();
        left.send(ZmqMessage.of("hello early").withRoutingId(id));
        ZmqSocket right = ctx.socket(SocketType.PEER);
        right.bind(ep);
        ZmqMessage m = right.recv(WAIT);
        assertThat(m.first().text()).isEqualTo("hello early");
        right.send(ZmqMessage.of("hello back").withRoutingId(m.routingId()));
        ZmqMessage back = left.recv(WAIT);
        assertThat(back.first().text()).isEqualTo("hello back");
        assertThat(back.routingId()).isEqualTo(id);
        assertThatThrownBy(() -> ctx.socket(SocketType.SERVER).connectPeer(ep))
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.ENOTSUP);
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    void channelIsAPairOfSingleFrames(String transport) {
        ZmqSocket a = ctx.socket(SocketType.CHANNEL);
        a.bind(endpoint(transport, "channel"));
        ZmqSocket b = ctx.socket(SocketType.CHANNEL);
        b.connect(a.lastEndpoint());
        b.send("ping");
        assertThat(a.recv(WAIT).first().text()).isEqualTo("ping");
        a.send("pong");
        assertThat(b.recv(WAIT).first().text()).isEqualTo("pong");
        assertThatThrownBy(() -> a.send(ZmqMessage.of("x", "y"))).hasMessageContaining("single-frame");
    }

    @Test
    void incompatibleDraftPairsAreRefused() {
        ZmqSocket server = ctx.socket(SocketType.SERVER);
        server.bind("inproc://typed");
        ZmqSocket dealer = ctx.socket(SocketType.DEALER);
        assertThatThrownBy(() -> dealer.connect("inproc://typed")).hasMessageContaining("DEALER cannot talk to SERVER");
    }

    @Test
    void manyThreadsShareOneClientAndOneServer() throws Exception {
        ZmqSocket server = ctx.socket(SocketType.SERVER);
        server.bind("tcp://127.0.0.1:*");
        ZmqSocket client = ctx.socket(SocketType.CLIENT);
        client.connect(server.lastEndpoint());
        int threads = 4;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads * 2);
        try {
            // several threads block in recv on the same SERVER and answer; several send on the same CLIENT
            Set<String> answered = ConcurrentHashMap.newKeySet();
            List<Future<?>> work = new ArrayList<>();
            CountDownLatch allAnswered = new CountDownLatch(threads * perThread);
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    while (allAnswered.getCount() > 0) {
                        ZmqMessage m = server.recv(Duration.ofMillis(100));
                        if (m != null) {
                            answered.add(m.first().text());
                            server.send(ZmqMessage.of("ok " + m.first().text()).withRoutingId(m.routingId()));
                            allAnswered.countDown();
                        }
                    }
                    return null;
                }));
            }
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        client.send("t" + thread + "-" + i);
                    }
                    return null;
                }));
            }
            Set<String> replies = new HashSet<>();
            while (replies.size() < threads * perThread) {
                ZmqMessage r = client.recv(WAIT);
                assertThat(r).isNotNull();
                assertThat(replies.add(r.first().text())).isTrue();
            }
            assertThat(allAnswered.await(10, TimeUnit.SECONDS)).isTrue();
            for (Future<?> f : work) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(answered).hasSize(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closingWakesEveryThreadBlockedOnAThreadSafeSocket() throws Exception {
        ZmqSocket gather = ctx.socket(SocketType.GATHER);
        gather.bind("inproc://blocked");
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                try {
                    gather.recv();
                } catch (ZmqException e) {
                    errors.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        await().atMost(WAIT).until(() -> threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        gather.close();
        for (Thread t : threads) {
            t.join(WAIT.toMillis());
        }
        assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e).hasMessageContaining("closed while blocked"));
    }
}
