package dev.zmq;

import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Routing and flow control between our sockets over TCP: round-robin, fair-queue, HWM, drops, subscriptions,
 * MAXMSGSIZE.
 */
class FlowControlTest extends ContextFixture {

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
        String endpoint = TestSockets.freeEndpoint();
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
    void oversizedFrameDisconnectsThePeerWithAReasonAndLaterMessagesFlow() {
        ZmqSocket pull = ctx.socket(SocketType.PULL).set(SocketOption.MAXMSGSIZE, 1000L);
        List<SocketEvent> events = TestSockets.record(pull);
        pull.bind("tcp://127.0.0.1:*");
        ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.RECONNECT_IVL, Duration.ofMillis(10));
        push.connect(pull.lastEndpoint());
        push.send(ZmqMessage.of(new byte[1000]));
        assertThat(pull.recv(WAIT).first().size()).isEqualTo(1000);
        push.send(ZmqMessage.of(new byte[1001]));
        await().atMost(WAIT).until(() -> !TestSockets.ofType(events, SocketEventType.DISCONNECTED).isEmpty());
        assertThat(TestSockets.ofType(events, SocketEventType.DISCONNECTED).get(0).detail())
                .isEqualTo("frame of 1001 bytes exceeds MAXMSGSIZE 1000");
        push.send("small");
        assertThat(pull.recv(WAIT)).isEqualTo(ZmqMessage.of("small"));
    }
}
