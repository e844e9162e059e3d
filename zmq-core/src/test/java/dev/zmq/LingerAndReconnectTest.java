package dev.zmq;

import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What happens around a connection's life over TCP: linger on close, reconnect backoff. */
class LingerAndReconnectTest extends ContextFixture {

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
        push.connect(TestSockets.freeEndpoint());
        push.send("never delivered");
        CompletableFuture.runAsync(senderContext::close).get(10, TimeUnit.SECONDS);
        assertThat(senderContext.isClosed()).isTrue();
    }

    @Test
    void closeKeepsConnectingDuringLingerWhenThePeerIsNotUpYet() throws Exception {
        String endpoint = TestSockets.freeEndpoint();
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
    void reconnectBacksOffExponentiallyUpToTheMaximum() throws Exception {
        ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.LINGER, Duration.ZERO)
                .set(SocketOption.RECONNECT_IVL, Duration.ofMillis(10))
                .set(SocketOption.RECONNECT_IVL_MAX, Duration.ofMillis(80));
        List<SocketEvent> events = TestSockets.record(push);
        push.connect(TestSockets.freeEndpoint());
        await().atMost(WAIT).until(() -> TestSockets.ofType(events, SocketEventType.CONNECT_RETRIED).size() >= 6);
        assertThat(TestSockets.ofType(events, SocketEventType.CONNECT_RETRIED)).extracting(SocketEvent::detail)
                .map(d -> d.substring(0, d.indexOf(" ms")))
                .startsWith("retry in 10", "retry in 20", "retry in 40", "retry in 80", "retry in 80", "retry in 80");
    }
}
