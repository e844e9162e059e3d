package dev.zmq;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PollerTest extends ContextFixture {

    @Test
    void reportsWhichSocketHasAMessage() {
        ZmqSocket a = ctx.socket(SocketType.PULL);
        ZmqSocket b = ctx.socket(SocketType.PULL);
        a.bind("tcp://127.0.0.1:*");
        b.bind("tcp://127.0.0.1:*");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect(b.lastEndpoint());
        try (Poller poller = new Poller().register(a, Poller.POLLIN).register(b, Poller.POLLIN)) {
            assertThat(poller.poll(Duration.ZERO)).isZero();
            push.send("for b");
            assertThat(poller.poll(WAIT)).isEqualTo(1);
            assertThat(poller.isReadable(b)).isTrue();
            assertThat(poller.isReadable(a)).isFalse();
            assertThat(b.recv(ZmqSocket.DONTWAIT)).isEqualTo(ZmqMessage.of("for b"));
            assertThat(poller.poll(Duration.ofMillis(20))).isZero();
        }
    }

    @Test
    void wakesAWaitingPollerFromAnotherThreadsSend() throws Exception {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind("tcp://127.0.0.1:*");
        Poller poller = new Poller().register(pull, Poller.POLLIN);
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> poller.poll(Duration.ofSeconds(30)));
        try (ZmqContext other = new ZmqContext()) {
            ZmqSocket push = other.socket(SocketType.PUSH);
            push.connect(pull.lastEndpoint());
            push.send("wake up");
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void wakeupEndsAnEndlessPollWithNothingReady() throws Exception {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind("inproc://idle");
        Poller poller = new Poller().register(pull, Poller.POLLIN);
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> poller.poll(Duration.ofMillis(-1)));
        poller.wakeup();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isZero();
        poller.wakeup();
        assertThat(poller.poll(Duration.ofMillis(-1))).as("a wake-up before the poll is kept for it").isZero();
    }

    @Test
    void reportsWritabilityByHighWaterMark() throws IOException {
        ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.SNDHWM, 1).set(SocketOption.LINGER, Duration.ZERO);
        try (ServerSocket s = new ServerSocket(0); Poller poller = new Poller().register(push, Poller.POLLOUT)) {
            assertThat(poller.poll(Duration.ZERO)).as("no peer yet").isZero();
            push.connect("tcp://127.0.0.1:" + s.getLocalPort());
            assertThat(poller.poll(WAIT)).isEqualTo(1);
            assertThat(poller.isWritable(push)).isTrue();
            push.send("fills the pipe");
            assertThat(poller.poll(Duration.ofMillis(20))).isZero();
        }
    }
}
