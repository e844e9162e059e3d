package dev.zmq;

import dev.zmq.security.ZapAuthenticator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** One socket's own contract: receiving bytes, endpoints, statistics, closing (from any thread). */
class ZmqSocketTest extends ContextFixture {

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
    void aClosedSocketsPortCanBeBoundAgainAtOnce() {
        ZmqSocket first = ctx.socket(SocketType.PULL);
        first.bind("tcp://127.0.0.1:*");
        String endpoint = first.lastEndpoint();
        first.close();
        ZmqSocket second = ctx.socket(SocketType.PULL);
        second.bind(endpoint);
        assertThat(second.lastEndpoint()).isEqualTo(endpoint);
    }

    @Test
    void closeFromAnotherThreadWhileTheOwnerBindsAndConnectsLeavesNoEndpointBehind() throws Exception {
        for (int round = 0; round < 20; round++) {
            ZmqSocket s = ctx.socket(SocketType.PULL);
            CountDownLatch started = new CountDownLatch(1);
            int r = round;
            CompletableFuture<ZmqException> owner = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                try {
                    for (int i = 0; ; i++) {
                        s.bind("tcp://127.0.0.1:*");
                        s.connect("inproc://close-race-" + r + "-" + i);
                    }
                } catch (ZmqException e) {
                    return e;
                }
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            s.close();
            ZmqException ended = owner.get(10, TimeUnit.SECONDS);
            assertThat(ended.code()).as(ended.getMessage()).isEqualTo(ErrorCode.ETERM);
            assertThat(s.boundEndpoints()).isEmpty();
            assertThat(s.connectedEndpoints()).isEmpty();
        }
    }

    @Test
    void theZapHandlerAndRequesterAreNotAmongTheContextsSockets() {
        try (ZapHandler zap = ZapHandler.start(ctx, ZapAuthenticator.plainPasswords(Map.of("alice", "s3cret")))) {
            ZmqSocket pull = ctx.socket(SocketType.PULL).set(SocketOption.PLAIN_SERVER, true);
            pull.bind("tcp://127.0.0.1:*");
            ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.PLAIN_USERNAME, "alice")
                    .set(SocketOption.PLAIN_PASSWORD, "s3cret");
            push.connect(pull.lastEndpoint());
            push.send("authenticated");
            assertThat(pull.recv(WAIT).first().text()).as("ZAP answered, so both its sockets are open")
                    .isEqualTo("authenticated");
            assertThat(ctx.sockets()).containsExactlyInAnyOrder(pull, push);
        }
    }
}
