package dev.zmq.transport.inproc;

import dev.zmq.ContextFixture;
import dev.zmq.ErrorCode;
import dev.zmq.Frame;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** inproc:// between sockets of one context: the same semantics as TCP, handed over through pipes. */
class InprocTest extends ContextFixture {

    @Test
    void pushPullDeliversInOrderFromAnotherThreadWhetherConnectComesBeforeOrAfterBind() throws Exception {
        for (boolean bindFirst : new boolean[] {true, false}) {
            String endpoint = "inproc://order-" + bindFirst;
            ZmqSocket pull = ctx.socket(SocketType.PULL);
            ZmqSocket push = ctx.socket(SocketType.PUSH);
            if (bindFirst) {
                pull.bind(endpoint);
                push.connect(endpoint);
            } else {
                push.connect(endpoint);
                push.send("early");
                pull.bind(endpoint);
            }
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 10_000; i++) {
                    push.send("m" + i);
                }
            });
            if (!bindFirst) {
                assertThat(pull.recv(WAIT).first().text()).isEqualTo("early");
            }
            for (int i = 0; i < 10_000; i++) {
                assertThat(pull.recv(WAIT).first().text()).isEqualTo("m" + i);
            }
            sender.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void pubSubFiltersAndHonoursSubscriptionsMadeBeforeAndAfterConnecting() {
        ZmqSocket pub = ctx.socket(SocketType.PUB);
        pub.bind("inproc://feed");
        ZmqSocket sub = ctx.socket(SocketType.SUB);
        sub.subscribe("a.");
        sub.connect("inproc://feed");
        sub.subscribe("b.");
        await().atMost(WAIT).until(() -> {
            pub.send(ZmqMessage.of("a.probe"));
            pub.send(ZmqMessage.of("b.probe"));
            return sub.recv(Duration.ofMillis(10)) != null;
        });
        pub.send(ZmqMessage.of("c.skip", "x"));
        pub.send(ZmqMessage.of("b.last", "y"));
        ZmqMessage m;
        do {
            m = sub.recv(WAIT);
        } while (m.first().text().endsWith("probe"));
        assertThat(m.frames()).extracting(Frame::text).containsExactly("b.last", "y");
        assertThat(sub.recv(Duration.ofMillis(20))).isNull();
    }

    @Test
    void dealerRouterCarryRoutingIdsBothWays() {
        ZmqSocket router = ctx.socket(SocketType.ROUTER);
        router.bind("inproc://rr");
        ZmqSocket dealer = ctx.socket(SocketType.DEALER).set(SocketOption.ROUTING_ID, "client-1".getBytes());
        dealer.connect("inproc://rr");
        dealer.send("hello");
        ZmqMessage in = router.recv(WAIT);
        assertThat(in.frames()).extracting(Frame::text).containsExactly("client-1", "hello");
        router.send(ZmqMessage.of("client-1", "world"));
        assertThat(dealer.recv(WAIT).first().text()).isEqualTo("world");
    }

    @Test
    void reqRepRoundTrips() throws Exception {
        ZmqSocket rep = ctx.socket(SocketType.REP);
        rep.bind("inproc://echo");
        ZmqSocket req = ctx.socket(SocketType.REQ);
        req.connect("inproc://echo");
        CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 100; i++) {
                rep.send("re:" + rep.recv(WAIT).first().text());
            }
        });
        for (int i = 0; i < 100; i++) {
            req.send("q" + i);
            assertThat(req.recv(WAIT).first().text()).isEqualTo("re:q" + i);
        }
        server.get(10, TimeUnit.SECONDS);
    }

    @Test
    void queueHoldsSenderSndhwmPlusReceiverRcvhwm() {
        ZmqSocket pull = ctx.socket(SocketType.PULL).set(SocketOption.RCVHWM, 3);
        pull.bind("inproc://hwm");
        ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.SNDHWM, 4);
        push.connect("inproc://hwm");
        for (int i = 0; i < 7; i++) {
            assertThat(push.send(ZmqMessage.of("m" + i), ZmqSocket.DONTWAIT)).as("message %d", i).isTrue();
        }
        assertThat(push.send(ZmqMessage.of("m7"), ZmqSocket.DONTWAIT)).isFalse();
        assertThat(push.statistics().peers()).singleElement()
                .satisfies(p -> assertThat(p.queuedOut()).isEqualTo(7));
        assertThat(pull.recv(WAIT).first().text()).isEqualTo("m0");
    }

    @Test
    void messagesSentBeforeTheSenderClosesAreStillDelivered() {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind("inproc://linger");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect("inproc://linger");
        for (int i = 0; i < 100; i++) {
            push.send("m" + i);
        }
        push.close();
        for (int i = 0; i < 100; i++) {
            assertThat(pull.recv(WAIT).first().text()).isEqualTo("m" + i);
        }
        assertThat(pull.recv(Duration.ofMillis(20))).isNull();
        await().atMost(WAIT).until(() -> pull.statistics().peers().isEmpty());
    }

    @Test
    void aClosedReceiverLeavesTheLoadBalancingAtOnce() {
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.bind("inproc://lb");
        ZmqSocket gone = ctx.socket(SocketType.PULL);
        ZmqSocket stays = ctx.socket(SocketType.PULL);
        gone.connect("inproc://lb");
        stays.connect("inproc://lb");
        await().atMost(WAIT).until(() -> push.statistics().peers().size() == 2);
        gone.close();
        for (int i = 0; i < 10; i++) {
            push.send("m" + i);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(stays.recv(WAIT).first().text()).isEqualTo("m" + i);
        }
    }

    @Test
    void disconnectAndUnbindReleaseTheEndpoint() {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind("inproc://again");
        ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.SNDTIMEO, Duration.ZERO);
        push.connect("inproc://again");
        push.disconnect("inproc://again");
        assertThatThrownBy(() -> push.send("nowhere")).isInstanceOf(ZmqException.class)
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.EAGAIN);
        pull.unbind("inproc://again");
        ZmqSocket other = ctx.socket(SocketType.PULL);
        other.bind("inproc://again");
        push.connect("inproc://again");
        push.send("here");
        assertThat(other.recv(WAIT).first().text()).isEqualTo("here");
    }

    @Test
    void badUseFailsWithAClearError() {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind("inproc://taken");
        ZmqSocket second = ctx.socket(SocketType.PULL);
        assertThatThrownBy(() -> second.bind("inproc://taken")).isInstanceOf(ZmqException.class)
                .hasMessageContaining("inproc://taken").hasMessageContaining("already bound by " + pull.name())
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.EADDRINUSE);
        ZmqSocket sub = ctx.socket(SocketType.SUB);
        assertThatThrownBy(() -> sub.connect("inproc://taken")).isInstanceOf(ZmqException.class)
                .hasMessageContaining("SUB cannot talk to PULL")
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.EINVAL);
        assertThatThrownBy(() -> second.unbind("inproc://taken")).isInstanceOf(ZmqException.class)
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.ENOENT);
        assertThatThrownBy(() -> pull.bind("inproc://")).isInstanceOf(ZmqException.class)
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.EINVAL);
    }

    @Test
    void anIncompatiblePendingConnectIsReportedWhenTheBindArrives() {
        ZmqSocket sub = ctx.socket(SocketType.SUB);
        List<SocketEvent> events = new CopyOnWriteArrayList<>();
        sub.addMonitor(events::add);
        sub.connect("inproc://later");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.bind("inproc://later");
        assertThat(events).filteredOn(e -> e.type() == SocketEventType.HANDSHAKE_FAILED).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("SUB cannot talk to PUSH"));
        await().atMost(WAIT).until(() -> {
            sub.recv(ZmqSocket.DONTWAIT);
            return sub.statistics().peers().isEmpty();
        });
        assertThat(push.statistics().peers()).isEmpty();
    }

    @Test
    void aConnectionOutlivesTheBoundSocketAndResumesOnTheNextBind() {
        ZmqSocket first = ctx.socket(SocketType.PULL);
        first.bind("inproc://restart");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect("inproc://restart");
        push.send("before");
        assertThat(first.recv(WAIT).first().text()).isEqualTo("before");
        first.close();
        push.send("while down");
        ZmqSocket second = ctx.socket(SocketType.PULL);
        second.bind("inproc://restart");
        assertThat(second.recv(WAIT).first().text()).isEqualTo("while down");

        ZmqSocket sub = ctx.socket(SocketType.SUB);
        sub.subscribe("t.");
        sub.connect("inproc://feed-restart");
        ZmqSocket pub = ctx.socket(SocketType.PUB);
        pub.bind("inproc://feed-restart");
        pub.close();
        ZmqSocket pubAgain = ctx.socket(SocketType.PUB);
        pubAgain.bind("inproc://feed-restart");
        await().atMost(WAIT).until(() -> {
            pubAgain.send("t.again");
            return sub.recv(Duration.ofMillis(10)) != null;
        });
    }

    @Test
    void trafficIsCountedPerPeerAndPerSocketAndSurvivesThePeer() {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind("inproc://counted");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect("inproc://counted");
        push.send(ZmqMessage.of("abc", "de"));
        push.send("f");
        pull.recv(WAIT);
        assertThat(push.statistics().messagesOut()).isEqualTo(2);
        assertThat(push.statistics().bytesOut()).isEqualTo(6);
        assertThat(push.statistics().peers()).singleElement().satisfies(p -> {
            assertThat(p.messagesOut()).isEqualTo(2);
            assertThat(p.queuedOut()).isEqualTo(1);
        });
        assertThat(pull.statistics().messagesIn()).isEqualTo(1);
        assertThat(pull.statistics().bytesIn()).isEqualTo(5);
        push.disconnect("inproc://counted");
        assertThat(push.statistics().peers()).isEmpty();
        assertThat(push.statistics().messagesOut()).isEqualTo(2);
        assertThat(push.statistics().bytesOut()).isEqualTo(6);
    }
}
