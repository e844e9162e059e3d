package dev.zmq;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** IMMEDIATE, CONFLATE, and blocked calls ended by interrupt or by closing the context. */
class ResilienceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
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

    @Test
    void immediateQueuesNothingUntilTheConnectionIsMade() throws IOException {
        String endpoint = freeEndpoint();
        ZmqSocket eager = ctx.socket(SocketType.PUSH).set(SocketOption.LINGER, Duration.ZERO);
        eager.connect(endpoint);
        assertThat(eager.send(ZmqMessage.of("queued for later"), ZmqSocket.DONTWAIT)).isTrue();
        ZmqSocket immediate = ctx.socket(SocketType.PUSH).set(SocketOption.IMMEDIATE, true)
                .set(SocketOption.RECONNECT_IVL, Duration.ofMillis(10));
        immediate.connect(endpoint);
        assertThat(immediate.send(ZmqMessage.of("nowhere to go"), ZmqSocket.DONTWAIT)).isFalse();
        eager.close();
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind(endpoint);
        await().atMost(WAIT).until(() -> immediate.send(ZmqMessage.of("now"), ZmqSocket.DONTWAIT));
        assertThat(pull.recv(WAIT).first().text()).isEqualTo("now");
    }

    @Test
    void conflateKeepsOnlyTheLatestMessage() {
        ZmqSocket pub = ctx.socket(SocketType.PUB).set(SocketOption.SNDHWM, 0);
        pub.bind("tcp://127.0.0.1:*");
        ZmqSocket sub = ctx.socket(SocketType.SUB).set(SocketOption.CONFLATE, true);
        sub.subscribe("");
        sub.connect(pub.lastEndpoint());
        await().atMost(WAIT).until(() -> {
            pub.send("probe");
            return sub.recv(Duration.ofMillis(10)) != null;
        });
        long before = sub.statistics().messagesIn();
        for (int i = 0; i < 1000; i++) {
            pub.send("state " + i);
        }
        await().atMost(WAIT).until(() -> sub.statistics().messagesIn() >= before + 1000);
        assertThat(sub.recv(WAIT).first().text()).isEqualTo("state 999");
        assertThat(sub.recv(Duration.ofMillis(50))).isNull();
        assertThat(sub.statistics().peers()).singleElement().satisfies(p -> assertThat(p.queuedIn()).isZero());
    }

    @Test
    void anInterruptEndsABlockedReceiveAndLeavesTheSocketUsable() throws Exception {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind("inproc://interrupt");
        AtomicReference<Thread> blocked = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> {
            blocked.set(Thread.currentThread());
            started.countDown();
            return pull.recv();
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(WAIT).until(() -> blocked.get().getState() == Thread.State.TIMED_WAITING
                || blocked.get().getState() == Thread.State.WAITING);
        blocked.get().interrupt();
        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ZmqException.class).hasMessageContaining("interrupted while blocked");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect("inproc://interrupt");
        push.send("still works");
        assertThat(pull.recv(WAIT).first().text()).isEqualTo("still works");
    }

    @Test
    void closingTheContextWakesABlockedReceiveWithAClearError() throws Exception {
        ZmqContext other = new ZmqContext();
        ZmqSocket pull = other.socket(SocketType.PULL);
        pull.bind("inproc://terminate");
        CompletableFuture<Object> call = CompletableFuture.supplyAsync(pull::recv);
        await().during(Duration.ofMillis(50)).atMost(WAIT).until(() -> !call.isDone());
        other.close();
        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(ZmqException.class)
                .hasMessageContaining("context terminated while PULL#")
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.ETERM);
    }

    @Test
    void anIdleContextUsesNoCpu() throws Exception {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind("tcp://127.0.0.1:*");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.lastEndpoint());
        push.send("warm");
        assertThat(pull.recv(WAIT).first().text()).isEqualTo("warm");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Long> ioThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("zmq-io-")).map(Thread::getId).toList();
        assertThat(ioThreads).isNotEmpty();
        long before = ioThreads.stream().mapToLong(mx::getThreadCpuTime).sum();
        long start = System.nanoTime();
        // an interval to measure over, not a wait for a condition: nothing is expected to happen in it
        Thread.sleep(1000);
        long elapsed = System.nanoTime() - start;
        long used = ioThreads.stream().mapToLong(mx::getThreadCpuTime).sum() - before;
        assertThat(used).as("CPU ns the idle I/O threads used in %d ms", elapsed / 1_000_000)
                .isLessThan(elapsed / 50);
    }
}
