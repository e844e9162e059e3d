package dev.zmq.spring.listener;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The container's threading contract: push delivery, concurrency, replies, error replies and graceful stop. */
class ZmqListenerContainerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ZmqContext context = new ZmqContext();
    private final ZmqMessageConverter converter = new ZmqMessageConverter(new JsonMapper());

    @AfterEach
    void close() {
        context.close();
    }

    private ZmqListenerContainer container(String endpoint, SocketType type, int concurrency,
                                           ZmqMessageListener listener) {
        return container(endpoint, type, concurrency, listener, p -> { });
    }

    private ZmqListenerContainer container(String endpoint, SocketType type, int concurrency,
                                           ZmqMessageListener listener, Consumer<ContainerProperties> settings) {
        ZmqSocketSpec spec = new ZmqSocketSpec("test", type, List.of(endpoint), List.of(), List.of(), List.of());
        return container("test", spec, listener, p -> {
            p.setConcurrency(concurrency);
            settings.accept(p);
        });
    }

    private ZmqListenerContainer container(String id, ZmqSocketSpec spec, ZmqMessageListener listener,
                                           Consumer<ContainerProperties> settings) {
        ContainerProperties properties = new ContainerProperties();
        properties.setShutdownTimeout(WAIT);
        settings.accept(properties);
        return new ZmqListenerContainer(id, spec, listener, context, converter, properties);
    }

    @Test
    void concurrentRepAnswersEveryRequesterWhileRequestsOverlap() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ZmqListenerContainer c = container("inproc://rep", SocketType.REP, 2, m -> {
            threads.add(Thread.currentThread().getName());
            bothInside.countDown();
            assertThat(bothInside.await(10, TimeUnit.SECONDS)).isTrue();
            return ZmqMessage.of("re:" + m.body().get(0).text());
        });
        c.start();
        ZmqSocket a = context.socket(SocketType.REQ);
        ZmqSocket b = context.socket(SocketType.REQ);
        a.connect("inproc://rep");
        b.connect("inproc://rep");
        a.send("a");
        b.send("b");
        assertThat(a.recv(WAIT).first().text()).isEqualTo("re:a");
        assertThat(b.recv(WAIT).first().text()).isEqualTo("re:b");
        assertThat(threads).hasSize(2);
        c.stop();
    }

    @Test
    void aFailingRepListenerStillAnswersWithoutItsInternals() {
        ZmqListenerContainer c = container("inproc://failing", SocketType.REP, 1, m -> {
            throw new IllegalArgumentException("bad request " + m.body().get(0).text());
        });
        c.start();
        ZmqSocket req = context.socket(SocketType.REQ);
        req.connect("inproc://failing");
        req.send("x");
        assertThat(req.recv(WAIT)).isEqualTo(ZmqMessage.of("ERROR"));
        c.stop();
    }

    @Test
    void returnExceptionsSendsTheExceptionToTheCaller() {
        ZmqListenerContainer c = container("inproc://failing-verbose", SocketType.REP, 1, m -> {
            throw new IllegalArgumentException("bad request " + m.body().get(0).text());
        }, p -> p.setReturnExceptions(true));
        c.start();
        ZmqSocket req = context.socket(SocketType.REQ);
        req.connect("inproc://failing-verbose");
        req.send("x");
        assertThat(req.recv(WAIT)).isEqualTo(ZmqMessage.of("ERROR", "IllegalArgumentException: bad request x"));
        c.stop();
    }

    @Test
    void aListenerWhoseSocketFailsIsRestartedWithBackOffAndKeepsWorking() {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ZmqListenerContainer c = container("inproc://restarting", SocketType.PULL, 1, m -> {
            String text = m.body().get(0).text();
            seen.add(text);
            // a reply on a PULL socket: the socket refuses it (ENOTSUP), which ends the listener's run
            return text.equals("fail") ? ZmqMessage.of("cannot be sent") : null;
        }, p -> p.setRestartBackOff(new FixedBackOff(50, 5)));
        c.start();
        ZmqSocket push = context.socket(SocketType.PUSH);
        push.connect("inproc://restarting");
        push.send("fail");
        await().atMost(WAIT).until(() -> c.getRestarts() == 1 && c.getFailure() == null);
        assertThat(c.isRunning()).isTrue();
        push.send("after");
        await().atMost(WAIT).until(() -> seen.contains("after"));
        assertThat(seen).containsExactly("fail", "after");
        c.stop();
        assertThat(c.isRunning()).isFalse();
    }

    @Test
    void aListenerThatKeepsFailingGivesUpAndSaysWhy() {
        ZmqListenerContainer c = container("inproc://hopeless", SocketType.PULL, 1, m -> ZmqMessage.of("no"),
                p -> p.setRestartBackOff(new FixedBackOff(20, 2)));
        c.start();
        ZmqSocket push = context.socket(SocketType.PUSH);
        push.connect("inproc://hopeless");
        await().atMost(WAIT).until(() -> {
            push.send(ZmqMessage.of("again"), ZmqSocket.DONTWAIT);
            ListenerFailure f = c.getFailure();
            return f != null && f.givenUp();
        });
        assertThat(c.isRunning()).as("a listener that gave up reports not running").isFalse();
        assertThat(c.getRestarts()).isEqualTo(2);
        assertThat(c.getFailure().error()).isEqualTo("ZmqException ENOTSUP: PULL sockets cannot send");
        assertThat(c.getFailure().toString()).startsWith("gave up after 2 restarts: ZmqException");
    }

    @Test
    void stoppingGivesAStuckListenerOneShutdownTimeoutThenInterruptsIt() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        ZmqSocketSpec spec = new ZmqSocketSpec("stuck", SocketType.PULL, List.of("inproc://stuck"), List.of(),
                List.of(), List.of());
        ZmqListenerContainer c = container("stuck", spec, m -> {
            inside.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        }, p -> {
            p.setConcurrency(2);
            p.setShutdownTimeout(Duration.ofMillis(300));
        });
        c.start();
        ZmqSocket push = context.socket(SocketType.PUSH);
        push.connect("inproc://stuck");
        push.send("stuck");
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        c.stop();
        // the deadline covers every step of the stop: when it passes, the worker still inside is interrupted
        // instead of the stop waiting a second and a third timeout for it
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(c.isRunning()).isFalse();
    }

    @Test
    void stopLetsTheMessageInHandFinishAndTakesNoMore() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> done = new java.util.concurrent.CopyOnWriteArrayList<>();
        ZmqListenerContainer c = container("inproc://slow", SocketType.PULL, 1, m -> {
            inside.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            done.add(m.body().get(0).text());
            return null;
        });
        c.start();
        ZmqSocket push = context.socket(SocketType.PUSH);
        push.connect("inproc://slow");
        push.send("first");
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        push.send("second");
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(c::stop);
        await().during(Duration.ofMillis(100)).atMost(WAIT).until(() -> !stopping.isDone());
        release.countDown();
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(done).containsExactly("first");
        assertThat(c.isRunning()).isFalse();
    }

    @Test
    void restartsAfterAStopOnTheSameEndpoint() {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ZmqListenerContainer c = container("tcp://127.0.0.1:*", SocketType.PULL, 1, m -> {
            seen.add(m.body().get(0).text());
            return null;
        });
        c.start();
        String endpoint = c.getSocket().lastEndpoint();
        c.stop();
        ZmqSocketSpec fixed = new ZmqSocketSpec("again", SocketType.PULL, List.of(endpoint), List.of(), List.of(),
                List.of());
        ZmqListenerContainer again = container("again", fixed, m -> {
            seen.add(m.body().get(0).text());
            return null;
        }, p -> { });
        // the stopped container's port is free again: another container binds it, and then it is handed back
        again.start();
        ZmqSocket push = context.socket(SocketType.PUSH);
        push.connect(endpoint);
        push.send("after restart");
        await().atMost(WAIT).until(() -> seen.contains("after restart"));
        again.stop();

        // the original container restarts on the endpoint it bound before (its spec names the port it got)
        ZmqListenerContainer original = container("original", fixed, m -> {
            seen.add("original: " + m.body().get(0).text());
            return null;
        }, p -> { });
        original.start();
        original.stop();
        original.start();
        assertThat(original.isRunning()).isTrue();
        push.send("to the restarted one");
        await().atMost(WAIT).until(() -> seen.contains("original: to the restarted one"));
        original.stop();
    }

    @Test
    void aListenerThatFailsTwiceThenSucceedsHandlesTheMessageOnceWithTwoRetriesCounted() {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> parked = new java.util.concurrent.CopyOnWriteArrayList<>();
        ZmqListenerContainer c = container("inproc://flaky", SocketType.PULL, 1, m -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new IllegalStateException("not yet");
            }
            handled.add(m.body().get(0).text());
            return null;
        }, p -> {
            p.setRetryBackOff(new FixedBackOff(10, 3));
            p.setDeadLetterPublisher((id, m, error, n) -> parked.add(m.body().get(0).text()));
        });
        c.start();
        ZmqSocket push = context.socket(SocketType.PUSH);
        push.connect("inproc://flaky");
        push.send("work");
        await().atMost(WAIT).until(() -> handled.size() == 1);
        assertThat(handled).containsExactly("work");
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(c.getRetries()).isEqualTo(2);
        assertThat(parked).isEmpty();
        assertThat(c.getDeadLettered()).isZero();
        c.stop();
    }

    @Test
    void aListenerThatAlwaysFailsParksEachMessageAndItsRepCallerGetsAnError() {
        record Parked(String listener, String body, String error, int attempts) {
        }
        List<Parked> parked = new java.util.concurrent.CopyOnWriteArrayList<>();
        ZmqListenerContainer c = container("inproc://doomed", SocketType.REP, 1, m -> {
            throw new IllegalArgumentException("cannot handle " + m.body().get(0).text());
        }, p -> {
            p.setRetryBackOff(new FixedBackOff(10, 2));
            p.setDeadLetterPublisher((id, m, error, n) -> parked.add(new Parked(id, m.body().get(0).text(),
                    error.getMessage(), n)));
        });
        c.start();
        ZmqSocket req = context.socket(SocketType.REQ);
        req.connect("inproc://doomed");
        for (String body : List.of("first", "second")) {
            req.send(body);
            assertThat(req.recv(WAIT)).isEqualTo(ZmqMessage.of("ERROR"));
        }
        assertThat(parked).containsExactly(new Parked("test", "first", "cannot handle first", 3),
                new Parked("test", "second", "cannot handle second", 3));
        assertThat(c.getRetries()).isEqualTo(4);
        assertThat(c.getDeadLettered()).isEqualTo(2);
        c.stop();
    }
}
