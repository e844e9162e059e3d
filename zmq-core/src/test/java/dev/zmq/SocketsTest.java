package dev.zmq;

import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Socket semantics between our own sockets over TCP: HWM, blocking, linger, reconnect, limits. */
class SocketsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ZmqContext ctx = new ZmqContext();

    @AfterEach
    void close() {
        ctx.close();
    }

    private static String freeEndpoint() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "tcp://127.0.0.1:" + s.getLocalPort();
        }
    }

    private static List<SocketEvent> record(ZmqSocket s) {
        List<SocketEvent> events = new CopyOnWriteArrayList<>();
        s.addMonitor(events::add);
        return events;
    }

    private static List<SocketEvent> ofType(List<SocketEvent> events, SocketEventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }

    @Test
    void recvBytesGivesSingleFrameMessagesAsBytesAndLeavesAMultipartOneForRecv() {
        ZmqSocket sub = ctx.socket(SocketType.SUB);
        sub.subscribe("a");
        sub.bind("tcp://127.0.0.1:*");
        ZmqSocket pub = ctx.socket(SocketType.PUB);
        pub.connect(sub.lastEndpoint());
        await().atMost(WAIT).until(() -> {
            pub.send("a-probe");
            return sub.recvBytes(ZmqSocket.DONTWAIT) != null;
        });
        pub.send("b-filtered");
        pub.send("a-1");
        pub.send(ZmqMessage.of("a-2", "second frame"));
        pub.send("a-3");
        sub.set(SocketOption.RCVTIMEO, WAIT);
        String first;
        do {
            first = new String(sub.recvBytes(), StandardCharsets.UTF_8);
        } while (first.equals("a-probe"));
        assertThat(first).as("the first message after the probes still in flight").isEqualTo("a-1");
        assertThatThrownBy(sub::recvBytes).isInstanceOfSatisfying(ZmqException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.EINVAL);
            assertThat(e.getMessage()).contains("2 frames", "stays queued for recv()");
        });
        ZmqMessage multipart = sub.recv();
        assertThat(multipart).isEqualTo(ZmqMessage.of("a-2", "second frame"));
        assertThat(multipart.property("Peer-Address")).startsWith("127.0.0.1");
        ZmqMessage single = sub.recv();
        assertThat(single.first().text()).isEqualTo("a-3");
        assertThat(single.property("Peer-Address")).as("a bare delivery made a message with its properties")
                .startsWith("127.0.0.1");
        assertThat(sub.recvBytes(ZmqSocket.DONTWAIT)).isNull();
    }

    @Test
    void pushRoundRobinsOverManyEndpointsAndPullFairQueues() {
        ZmqSocket pullA = ctx.socket(SocketType.PULL);
        ZmqSocket pullB = ctx.socket(SocketType.PULL);
        pullA.bind("tcp://127.0.0.1:*");
        pullB.bind("tcp://127.0.0.1:*");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect(pullA.lastEndpoint());
        push.connect(pullB.lastEndpoint());
        for (int i = 0; i < 10; i++) {
            push.send("m" + i);
        }
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            a.add(pullA.recv(WAIT).first().text());
            b.add(pullB.recv(WAIT).first().text());
        }
        assertThat(a).containsExactly("m0", "m2", "m4", "m6", "m8");
        assertThat(b).containsExactly("m1", "m3", "m5", "m7", "m9");
    }

    @Test
    void pushBlocksAtHwmUntilAPeerTakesMessages() throws Exception {
        String endpoint = freeEndpoint();
        ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.SNDHWM, 5)
                .set(SocketOption.SNDTIMEO, Duration.ofMillis(20));
        push.connect(endpoint);
        for (int i = 0; i < 5; i++) {
            assertThat(push.send(ZmqMessage.of("m" + i), ZmqSocket.DONTWAIT)).isTrue();
        }
        assertThat(push.send(ZmqMessage.of("m5"), ZmqSocket.DONTWAIT)).isFalse();
        assertThatThrownBy(() -> push.send("m5")).isInstanceOf(ZmqException.class)
                .satisfies(e -> assertThat(((ZmqException) e).code()).isEqualTo(ErrorCode.EAGAIN));
        CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> push.send(ZmqMessage.of("m5"), WAIT));

        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind(endpoint);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            got.add(pull.recv(WAIT).first().text());
        }
        assertThat(blocked.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(got).containsExactly("m0", "m1", "m2", "m3", "m4", "m5");
    }

    @Test
    void pubDropsForASlowSubscriberAndCountsTheDrops() {
        ZmqSocket pub = ctx.socket(SocketType.PUB).set(SocketOption.SNDHWM, 10);
        pub.bind("tcp://127.0.0.1:*");
        ZmqSocket sub = ctx.socket(SocketType.SUB).set(SocketOption.RCVHWM, 10);
        sub.connect(pub.lastEndpoint());
        sub.subscribe("");
        await().atMost(WAIT).until(() -> {
            pub.send("probe");
            return sub.recv(Duration.ofMillis(10)) != null;
        });
        while (sub.recv(Duration.ofMillis(50)) != null) {
            // drain the probes
        }
        byte[] body = new byte[1024];
        int sent = 50_000;
        for (int i = 0; i < sent; i++) {
            assertThat(pub.send(ZmqMessage.of(("n" + i).getBytes(), body), ZmqSocket.DONTWAIT)).isTrue();
        }
        assertThat(pub.droppedMessages()).isPositive();
        int received = 0;
        int last = -1;
        ZmqMessage m;
        while ((m = sub.recv(Duration.ofMillis(500))) != null) {
            int n = Integer.parseInt(m.first().text().substring(1));
            assertThat(n).isGreaterThan(last);
            last = n;
            received++;
        }
        assertThat(received + pub.droppedMessages()).isEqualTo(sent);
    }

    @Test
    void closeLingersUntilQueuedMessagesAreDelivered() {
        try (ZmqContext receiverContext = new ZmqContext()) {
            ZmqSocket pull = receiverContext.socket(SocketType.PULL).set(SocketOption.RCVHWM, 0);
            pull.bind("tcp://127.0.0.1:*");
            ZmqContext senderContext = new ZmqContext();
            ZmqSocket push = senderContext.socket(SocketType.PUSH).set(SocketOption.SNDHWM, 0);
            push.connect(pull.lastEndpoint());
            for (int i = 0; i < 20_000; i++) {
                push.send("m" + i);
            }
            senderContext.close();
            for (int i = 0; i < 20_000; i++) {
                assertThat(pull.recv(WAIT).first().text()).isEqualTo("m" + i);
            }
        }
    }

    @Test
    void zeroLingerDiscardsQueuedMessagesAndCloseReturns() throws Exception {
        ZmqContext senderContext = new ZmqContext();
        ZmqSocket push = senderContext.socket(SocketType.PUSH).set(SocketOption.LINGER, Duration.ZERO);
        push.connect(freeEndpoint());
        push.send("never delivered");
        CompletableFuture.runAsync(senderContext::close).get(10, TimeUnit.SECONDS);
        assertThat(senderContext.isClosed()).isTrue();
    }

    @Test
    void reconnectBacksOffExponentiallyUpToTheMaximum() throws Exception {
        ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.LINGER, Duration.ZERO)
                .set(SocketOption.RECONNECT_IVL, Duration.ofMillis(10))
                .set(SocketOption.RECONNECT_IVL_MAX, Duration.ofMillis(80));
        List<SocketEvent> events = record(push);
        push.connect(freeEndpoint());
        await().atMost(WAIT).until(() -> ofType(events, SocketEventType.CONNECT_RETRIED).size() >= 6);
        assertThat(ofType(events, SocketEventType.CONNECT_RETRIED)).extracting(SocketEvent::detail)
                .map(d -> d.substring(0, d.indexOf(" ms")))
                .startsWith("retry in 10", "retry in 20", "retry in 40", "retry in 80", "retry in 80", "retry in 80");
    }

    @Test
    void oversizedFrameDisconnectsThePeerWithAReasonAndLaterMessagesFlow() {
        ZmqSocket pull = ctx.socket(SocketType.PULL).set(SocketOption.MAXMSGSIZE, 1000L);
        List<SocketEvent> events = record(pull);
        pull.bind("tcp://127.0.0.1:*");
        ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.RECONNECT_IVL, Duration.ofMillis(10));
        push.connect(pull.lastEndpoint());
        push.send(ZmqMessage.of(new byte[1000]));
        assertThat(pull.recv(WAIT).first().size()).isEqualTo(1000);
        push.send(ZmqMessage.of(new byte[1001]));
        await().atMost(WAIT).until(() -> !ofType(events, SocketEventType.DISCONNECTED).isEmpty());
        assertThat(ofType(events, SocketEventType.DISCONNECTED).get(0).detail())
                .isEqualTo("frame of 1001 bytes exceeds MAXMSGSIZE 1000");
        push.send("small");
        assertThat(pull.recv(WAIT)).isEqualTo(ZmqMessage.of("small"));
    }

    @Test
    void unbindStopsListeningAndDisconnectStopsDelivery() throws Exception {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind("tcp://127.0.0.1:*");
        String endpoint = pull.lastEndpoint();
        pull.unbind(endpoint);
        ZmqSocket rebound = ctx.socket(SocketType.PULL);
        rebound.bind(endpoint);
        ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.LINGER, Duration.ZERO);
        push.connect(endpoint);
        push.send("to the new listener");
        assertThat(rebound.recv(WAIT)).isEqualTo(ZmqMessage.of("to the new listener"));
        push.disconnect(endpoint);
        assertThat(push.send(ZmqMessage.of("nowhere"), ZmqSocket.DONTWAIT)).isFalse();
    }

    @Test
    void xpubSeesSubscriptionsOfItsSubscribers() {
        ZmqSocket xpub = ctx.socket(SocketType.XPUB);
        xpub.bind("tcp://127.0.0.1:*");
        ZmqSocket sub = ctx.socket(SocketType.SUB);
        sub.connect(xpub.lastEndpoint());
        sub.subscribe("news");
        assertThat(xpub.recv(WAIT)).isEqualTo(ZmqMessage.of("\u0001news"));
        sub.unsubscribe("news");
        assertThat(xpub.recv(WAIT)).isEqualTo(ZmqMessage.of("\u0000news"));
    }

    @Test
    void closeWakesABlockedReceiverWithEterm() {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        CompletableFuture<ZmqMessage> blocked = CompletableFuture.supplyAsync(pull::recv);
        await().atMost(WAIT).until(() -> {
            pull.close();
            return blocked.isDone();
        });
        assertThat(blocked).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(ZmqException.class)
                .satisfies(e -> assertThat(((ZmqException) e).code()).isEqualTo(ErrorCode.ETERM));
    }

    @Test
    void statisticsShowQueueDepthHwmAndTrafficPerPeer() {
        ZmqSocket pull = ctx.socket(SocketType.PULL).set(SocketOption.RCVHWM, 500);
        pull.bind("tcp://127.0.0.1:*");
        ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.SNDHWM, 300);
        push.connect(pull.lastEndpoint());
        for (int i = 0; i < 100; i++) {
            push.send(ZmqMessage.of(new byte[10]));
        }
        await().atMost(WAIT).until(() -> pull.statistics().messagesIn() == 100);
        var in = pull.statistics();
        assertThat(in.bytesIn()).isEqualTo(1000);
        assertThat(in.queuedIn()).isEqualTo(100);
        assertThat(in.peers()).singleElement().satisfies(p -> {
            assertThat(p.hwmIn()).isEqualTo(500);
            assertThat(p.queuedIn()).isEqualTo(100);
            assertThat(p.messagesIn()).isEqualTo(100);
            assertThat(p.address()).startsWith("tcp://127.0.0.1:");
        });
        await().atMost(WAIT).until(() -> push.statistics().messagesOut() == 100);
        assertThat(push.statistics().peers()).singleElement().satisfies(p -> {
            assertThat(p.hwmOut()).isEqualTo(300);
            assertThat(p.queuedOut()).isZero();
            assertThat(p.endpoint()).isEqualTo(pull.lastEndpoint());
        });
        for (int i = 0; i < 100; i++) {
            pull.recv(WAIT);
        }
        assertThat(pull.statistics().queuedIn()).isZero();

        ZmqSocket router = ctx.socket(SocketType.ROUTER);
        router.send(ZmqMessage.of("nobody", "lost"));
        assertThat(router.statistics().droppedNoRoute()).isEqualTo(1);
    }

    @Test
    void socketsMadeAndClosedOneAfterAnotherKeepWorking() {
        for (int i = 0; i < 20; i++) {
            try (ZmqSocket pull = ctx.socket(SocketType.PULL); ZmqSocket push = ctx.socket(SocketType.PUSH)) {
                pull.bind("tcp://127.0.0.1:*");
                push.connect(pull.lastEndpoint());
                push.send("round " + i);
                assertThat(pull.recv(WAIT)).as("round %d", i).isEqualTo(ZmqMessage.of("round " + i));
            }
        }
    }

    @Test
    void closeKeepsConnectingDuringLingerWhenThePeerIsNotUpYet() throws Exception {
        String endpoint = freeEndpoint();
        ZmqContext senderContext = new ZmqContext();
        ZmqSocket push = senderContext.socket(SocketType.PUSH).set(SocketOption.RECONNECT_IVL, Duration.ofMillis(10));
        push.connect(endpoint);
        for (int i = 0; i < 100; i++) {
            push.send("queued-" + i);
        }
        CompletableFuture<Void> closing = CompletableFuture.runAsync(senderContext::close);
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind(endpoint);
        for (int i = 0; i < 100; i++) {
            assertThat(pull.recv(WAIT)).isEqualTo(ZmqMessage.of("queued-" + i));
        }
        closing.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aClosedSocketsPortCanBeBoundAgainAtOnce() {
        ZmqSocket first = ctx.socket(SocketType.PULL);
        first.bind("tcp://127.0.0.1:*");
        String endpoint = first.lastEndpoint();
        first.close();
        ZmqSocket second = ctx.socket(SocketType.PULL);
        second.bind(endpoint);
        assertThat(second.lastEndpoint()).isEqualTo(endpoint);
    }
}
