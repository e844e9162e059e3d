package dev.zmq.spring.listener;

import dev.zmq.spring.metrics.ZmqListenerObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ContainerProperties}: {@link ContainerProperties#copy()} carries every setting and is independent of its
 * original; {@link ContainerProperties#effectiveRetryBackOff()} is exactly {@code retries} back-offs spaced by delay,
 * multiplier and max delay when retries are set, else the retry back-off itself; out-of-range concurrency and
 * retries are refused; the documented defaults.
 */
class ContainerPropertiesTest {

    private static final ZmqErrorHandler ERRORS = (id, m, e) -> "handled";
    private static final DeadLetterPublisher DEAD_LETTERS = (id, m, e, n) -> { };
    private static final ContainerErrorHandler FAILURES = failed -> null;
    private static final ThreadFactory THREADS = Thread::new;
    private static final ZmqListenerObservationConvention CONVENTION = new ZmqListenerObservationConvention() { };
    private static final ObservationRegistry OBSERVATIONS = ObservationRegistry.create();

    /** The back-offs {@code backOff} yields before STOP (at most 20, so a runaway back-off fails the test). */
    private static List<Long> delays(BackOff backOff) {
        BackOffExecution execution = backOff.start();
        List<Long> delays = new ArrayList<>();
        long next;
        while ((next = execution.nextBackOff()) != BackOffExecution.STOP && delays.size() < 20) {
            delays.add(next);
        }
        return delays;
    }

    private static ContainerProperties everySettingChanged() {
        ContainerProperties p = new ContainerProperties();
        p.setConcurrency(4);
        p.setAutoStartup(false);
        p.setShutdownTimeout(Duration.ofSeconds(7));
        p.setReturnExceptions(true);
        p.setErrorHandler(ERRORS);
        p.setRetryBackOff(new FixedBackOff(5, 5));
        p.setRetries(2);
        p.setRetryDelay(Duration.ofMillis(10));
        p.setRetryMultiplier(3);
        p.setRetryMaxDelay(Duration.ofMillis(50));
        p.setDeadLetterPublisher(DEAD_LETTERS);
        p.setDeadLetterSocket("dlq");
        p.setContainerErrorHandler(FAILURES);
        p.setRestartBackOff(new FixedBackOff(1, 1));
        p.setThreadFactory(THREADS);
        p.setObservationRegistry(OBSERVATIONS);
        p.setObservationConvention(CONVENTION);
        return p;
    }

    @Test
    void aCopyCarriesEverySetting() {
        ContainerProperties original = everySettingChanged();

        ContainerProperties copy = original.copy();

        assertThat(copy).isNotSameAs(original).usingRecursiveComparison().isEqualTo(original);
        assertThat(copy.getErrorHandler()).as("strategies are shared").isSameAs(ERRORS);
        assertThat(copy.getRetryBackOff()).isSameAs(original.getRetryBackOff());
        assertThat(copy.getDeadLetterPublisher()).isSameAs(DEAD_LETTERS);
        assertThat(copy.getContainerErrorHandler()).isSameAs(FAILURES);
        assertThat(copy.getRestartBackOff()).isSameAs(original.getRestartBackOff());
        assertThat(copy.getThreadFactory()).isSameAs(THREADS);
        assertThat(copy.getObservationRegistry()).isSameAs(OBSERVATIONS);
        assertThat(copy.getObservationConvention()).isSameAs(CONVENTION);
    }

    @Test
    void changingACopyLeavesTheOriginalAsItWas() {
        ContainerProperties original = everySettingChanged();
        ContainerProperties copy = original.copy();

        copy.setConcurrency(9);
        copy.setAutoStartup(true);
        copy.setShutdownTimeout(Duration.ofSeconds(1));
        copy.setReturnExceptions(false);
        copy.setErrorHandler(new LoggingErrorHandler());
        copy.setRetryBackOff(new FixedBackOff(0, 0));
        copy.setRetries(null);
        copy.setRetryDelay(Duration.ofSeconds(2));
        copy.setRetryMultiplier(1.5);
        copy.setRetryMaxDelay(Duration.ofSeconds(3));
        copy.setDeadLetterPublisher(null);
        copy.setDeadLetterSocket(null);
        copy.setContainerErrorHandler(null);
        copy.setRestartBackOff(new FixedBackOff(2, 2));
        copy.setThreadFactory(r -> new Thread(r));
        copy.setObservationRegistry(ObservationRegistry.NOOP);
        copy.setObservationConvention(null);

        assertThat(original).usingRecursiveComparison().isEqualTo(everySettingChanged());
        assertThat(original.getConcurrency()).isEqualTo(4);
        assertThat(original.getRetries()).isEqualTo(2);
        assertThat(original.getErrorHandler()).isSameAs(ERRORS);
        assertThat(original.getDeadLetterSocket()).isEqualTo("dlq");
        assertThat(original.getContainerErrorHandler()).isSameAs(FAILURES);
        assertThat(original.getThreadFactory()).isSameAs(THREADS);
    }

    @Test
    void retriesYieldExactlyThatManyBackOffsSpacedByDelayMultiplierAndMaxDelay() {
        ContainerProperties p = new ContainerProperties();
        p.setRetryBackOff(new FixedBackOff(5, 10));
        p.setRetries(3);
        p.setRetryDelay(Duration.ofMillis(100));
        p.setRetryMultiplier(3);
        p.setRetryMaxDelay(Duration.ofMillis(500));

        assertThat(delays(p.effectiveRetryBackOff())).containsExactly(100L, 300L, 500L);
        assertThat(delays(p.effectiveRetryBackOff())).as("every start is a new sequence")
                .containsExactly(100L, 300L, 500L);
    }

    @Test
    void retriesWithTheDefaultSpacingStartAtOneSecondAndDouble() {
        ContainerProperties p = new ContainerProperties();
        p.setRetries(6);

        assertThat(delays(p.effectiveRetryBackOff())).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L,
                30_000L);
    }

    @Test
    void zeroRetriesMeansNoRetry() {
        ContainerProperties p = new ContainerProperties();
        p.setRetryBackOff(new FixedBackOff(5, 10));
        p.setRetries(0);

        assertThat(delays(p.effectiveRetryBackOff())).isEmpty();
    }

    @Test
    void withoutRetriesTheRetryBackOffIsUsedAsItIs() {
        ContainerProperties p = new ContainerProperties();
        assertThat(delays(p.effectiveRetryBackOff())).as("no retries by default").isEmpty();

        BackOff backOff = new FixedBackOff(7, 2);
        p.setRetryBackOff(backOff);
        assertThat(p.effectiveRetryBackOff()).isSameAs(backOff);

        p.setRetries(1);
        p.setRetries(null);
        assertThat(p.effectiveRetryBackOff()).as("unsetting retries brings the back-off back").isSameAs(backOff);
    }

    @Test
    void concurrencyBelowOneAndNegativeRetriesAreRefused() {
        ContainerProperties p = new ContainerProperties();

        assertThatIllegalArgumentException().isThrownBy(() -> p.setConcurrency(0)).withMessageContaining("0");
        assertThatIllegalArgumentException().isThrownBy(() -> p.setConcurrency(-3)).withMessageContaining("-3");
        assertThatIllegalArgumentException().isThrownBy(() -> p.setRetries(-1)).withMessageContaining("-1");
        assertThat(p.getConcurrency()).as("a refused value changes nothing").isEqualTo(1);
        assertThat(p.getRetries()).isNull();
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        ContainerProperties p = new ContainerProperties();

        assertThat(p.getConcurrency()).isEqualTo(1);
        assertThat(p.isAutoStartup()).isTrue();
        assertThat(p.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.isReturnExceptions()).isFalse();
        assertThat(p.getErrorHandler()).isInstanceOf(LoggingErrorHandler.class);
        assertThat(p.getRetries()).isNull();
        assertThat(p.getDeadLetterPublisher()).isNull();
        assertThat(p.getDeadLetterSocket()).isNull();
        assertThat(p.getContainerErrorHandler()).isNull();
        assertThat(p.getObservationRegistry()).isSameAs(ObservationRegistry.NOOP);
        assertThat(delays(p.getRestartBackOff())).as("100 ms doubling to 30 s, 10 in a row")
                .containsExactly(100L, 200L, 400L, 800L, 1_600L, 3_200L, 6_400L, 12_800L, 25_600L, 30_000L);
    }
}
