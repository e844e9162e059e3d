package dev.zmq.spring.listener;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.support.ReceivedMessage;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.support.ZmqSocketSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchException;

/**
 * {@link DefaultErrorHandler}: it retries a failed message exactly as often and as far apart as its back-off says,
 * returns the reply of the first retry that succeeds without recovering, and once the back-off stops hands the
 * recoverer the listener id, the message, the <em>last</em> exception and every attempt, then rethrows that exception
 * (also when the recoverer fails, which is logged, or when there is none). One test drives it through a real REP
 * container so the retried reply reaches the requester.
 */
class DefaultErrorHandlerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** What the recoverer was handed. */
    record Recovered(String listenerId, ReceivedMessage message, Throwable error, int attempts) {
    }

    private final ReceivedMessage message = ReceivedMessage.split(ZmqMessage.of("work"), SocketType.PULL);
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final List<Recovered> recovered = new CopyOnWriteArrayList<>();
    private final DeadLetterPublisher recoverer = (id, m, error, attempts) -> recovered.add(
            new Recovered(id, m, error, attempts));
    private final Logger handlerLog = (Logger) LoggerFactory.getLogger(DefaultErrorHandler.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private ZmqContext context;
    private ZmqListenerContainer container;

    @BeforeEach
    void captureLog() {
        logged.start();
        handlerLog.addAppender(logged);
    }

    @AfterEach
    void tearDown() {
        handlerLog.detachAppender(logged);
        logged.stop();
        if (container != null) {
            container.stop();
        }
        if (context != null) {
            context.close();
        }
    }

    /** The message as the container hands it over after the listener's first attempt threw {@code first}. */
    private FailedMessage failed(Exception first, ZmqMessageListener listener) {
        return new FailedMessage("orders", message, first, listener, retries, deadLettered);
    }

    @Test
    void aRetryThatSucceedsReturnsItsReplyAndNothingIsRecovered() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FailedMessage failed = failed(new IllegalStateException("first"), m -> {
            if (calls.incrementAndGet() < 2) {
                throw new IllegalStateException("retry " + calls.get());
            }
            return ZmqMessage.of("done:" + m.body().get(0).text());
        });

        ZmqMessage reply = new DefaultErrorHandler(recoverer, new FixedBackOff(0, 5)).handle(failed);

        assertThat(reply).isEqualTo(ZmqMessage.of("done:work"));
        assertThat(calls).as("stops retrying at the first success").hasValue(2);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(retries).as("the container's retry count").hasValue(2);
        assertThat(recovered).isEmpty();
        assertThat(deadLettered).hasValue(0);
    }

    @Test
    void anInterruptWhileWaitingToRetryStillRecoversTheMessageAndKeepsTheInterrupt() {
        Exception first = new IllegalStateException("first");
        FailedMessage failed = failed(first, m -> {
            throw new IllegalStateException("never retried");
        });
        // a container stopping past its shutdown timeout interrupts its workers: here, before the one-minute wait
        Thread.currentThread().interrupt();
        Exception rethrown;
        boolean stillInterrupted;
        try {
            rethrown = catchException(() -> new DefaultErrorHandler(recoverer, new FixedBackOff(60_000, 3))
                    .handle(failed));
        } finally {
            stillInterrupted = Thread.interrupted();
        }

        assertThat(rethrown).as("the listener's exception, not the interrupt").isSameAs(first);
        assertThat(stillInterrupted).as("the interrupt is kept for the container").isTrue();
        assertThat(recovered).singleElement().satisfies(r -> assertThat(r.error()).isSameAs(first));
        assertThat(retries).hasValue(0);
    }

    @ParameterizedTest(name = "FixedBackOff(0, {0})")
    @ValueSource(ints = {0, 1, 3})
    void exhaustedRetriesRecoverWithTheLastExceptionAndEveryAttemptThenRethrowIt(int maxRetries) {
        Exception first = new IllegalStateException("attempt 1");
        List<Exception> thrown = new ArrayList<>(List.of(first));
        FailedMessage failed = failed(first, m -> {
            Exception e = new IllegalStateException("attempt " + (thrown.size() + 1));
            thrown.add(e);
            throw e;
        });

        Exception rethrown = catchException(
                () -> new DefaultErrorHandler(recoverer, new FixedBackOff(0, maxRetries)).handle(failed));

        assertThat(thrown).as("the first attempt and one per retry the back-off allows").hasSize(maxRetries + 1);
        Exception last = thrown.get(maxRetries);
        assertThat(rethrown).isSameAs(last);
        assertThat(recovered).singleElement().satisfies(r -> {
            assertThat(r.listenerId()).isEqualTo("orders");
            assertThat(r.message()).isSameAs(message);
            assertThat(r.error()).isSameAs(last).hasMessage("attempt " + (maxRetries + 1));
            assertThat(r.attempts()).isEqualTo(maxRetries + 1);
        });
        assertThat(failed.attempts()).isEqualTo(maxRetries + 1);
        assertThat(retries).hasValue(maxRetries);
        assertThat(deadLettered).as("counted as parked").hasValue(1);
    }

    @Test
    void waitsTheBackOffsIntervalBeforeEachRetry() {
        long[] calledAt = new long[3];
        AtomicInteger calls = new AtomicInteger();
        FailedMessage failed = failed(new IllegalStateException("first"), m -> {
            calledAt[calls.getAndIncrement()] = System.nanoTime();
            throw new IllegalStateException("again");
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> new DefaultErrorHandler(null, new FixedBackOff(80, 2)).handle(failed))
                .hasMessage("again");

        assertThat(calls).hasValue(2);
        // a lower bound only (a loaded machine may wait longer), less a little for the timer's granularity
        assertThat(TimeUnit.NANOSECONDS.toMillis(calledAt[0] - start)).isGreaterThanOrEqualTo(70);
        assertThat(TimeUnit.NANOSECONDS.toMillis(calledAt[1] - calledAt[0])).isGreaterThanOrEqualTo(70);
    }

    @Test
    void aFailingRecovererIsLoggedAndTheListenersExceptionIsStillRethrown() {
        IllegalStateException listenerFailure = new IllegalStateException("listener failed");
        FailedMessage failed = failed(listenerFailure, m -> {
            throw new AssertionError("FixedBackOff(0, 0) allows no retry");
        });
        DeadLetterPublisher broken = (id, m, error, attempts) -> {
            throw new IllegalArgumentException("dead-letter queue down");
        };

        Exception rethrown = catchException(() -> new DefaultErrorHandler(broken, new FixedBackOff(0, 0))
                .handle(failed));

        assertThat(rethrown).isSameAs(listenerFailure);
        assertThat(deadLettered).as("a letter that was not parked is not counted").hasValue(0);
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("'orders'").contains("dead-letter queue down");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("dead-letter queue down");
        });
    }

    @Test
    void withoutARecovererTheLastExceptionIsRethrown() {
        AtomicInteger calls = new AtomicInteger();
        FailedMessage failed = failed(new IllegalStateException("first"), m -> {
            throw new IllegalStateException("retry " + calls.incrementAndGet());
        });

        assertThatThrownBy(() -> new DefaultErrorHandler(null, new FixedBackOff(0, 2)).handle(failed))
                .isInstanceOf(IllegalStateException.class).hasMessage("retry 2");
        assertThat(deadLettered).hasValue(0);
        assertThat(logged.list).isEmpty();
    }

    @Test
    void inAContainerTheRetriedReplyReachesTheRequesterAndNothingIsParked() {
        context = new ZmqContext();
        AtomicInteger calls = new AtomicInteger();
        ContainerProperties properties = new ContainerProperties();
        properties.setShutdownTimeout(WAIT);
        properties.setContainerErrorHandler(new DefaultErrorHandler(recoverer, new FixedBackOff(0, 3)));
        ZmqSocketSpec spec = new ZmqSocketSpec("flaky", SocketType.REP, List.of("inproc://default-error-handler"),
                List.of(), List.of(), List.of());
        container = new ZmqListenerContainer("flaky", spec, m -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("not yet");
            }
            return ZmqMessage.of("done:" + m.body().get(0).text());
        }, context, new ZmqMessageConverter(new JsonMapper()), properties);
        container.start();
        ZmqSocket req = context.socket(SocketType.REQ);
        req.connect("inproc://default-error-handler");

        req.send("job");

        assertThat(req.recv(WAIT)).isEqualTo(ZmqMessage.of("done:job"));
        assertThat(calls).hasValue(3);
        assertThat(container.getRetries()).isEqualTo(2);
        assertThat(container.getDeadLettered()).isZero();
        assertThat(recovered).isEmpty();
    }
}
