package dev.zmq.spring.listener;

import dev.zmq.spring.metrics.ZmqListenerObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * Every setting of a listener container in one place: the container factory holds the defaults (from
 * {@code zmq.listener.*} and the application's strategy beans), each container gets a {@link #copy()} with its
 * {@code @ZmqListener} attributes applied by name (an attribute {@code retries} sets {@link #setRetries}). A new
 * setting is a property here, an annotation attribute if listeners may override it, and its
 * {@code zmq.listener.*} property; nothing else changes.
 *
 * <p>Not thread-safe: configure it, then hand it to one container, which never changes it.
 */
public final class ContainerProperties {

    private int concurrency = 1;
    private boolean autoStartup = true;
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private boolean returnExceptions;
    private ZmqErrorHandler errorHandler = new LoggingErrorHandler();
    private BackOff retryBackOff = new FixedBackOff(0, 0);
    private @Nullable Integer retries;
    private Duration retryDelay = Duration.ofSeconds(1);
    private double retryMultiplier = 2;
    private Duration retryMaxDelay = Duration.ofSeconds(30);
    private @Nullable DeadLetterPublisher deadLetterPublisher;
    private @Nullable String deadLetterSocket;
    private @Nullable ContainerErrorHandler containerErrorHandler;
    private BackOff restartBackOff = defaultRestartBackOff();
    private ThreadFactory threadFactory = Thread::new;
    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
    private @Nullable ZmqListenerObservationConvention observationConvention;

    /** A copy whose changes leave this one as it is (the strategy objects are shared, as they are thread-safe). */
    public ContainerProperties copy() {
        ContainerProperties c = new ContainerProperties();
        c.concurrency = concurrency;
        c.autoStartup = autoStartup;
        c.shutdownTimeout = shutdownTimeout;
        c.returnExceptions = returnExceptions;
        c.errorHandler = errorHandler;
        c.retryBackOff = retryBackOff;
        c.retries = retries;
        c.retryDelay = retryDelay;
        c.retryMultiplier = retryMultiplier;
        c.retryMaxDelay = retryMaxDelay;
        c.deadLetterPublisher = deadLetterPublisher;
        c.deadLetterSocket = deadLetterSocket;
        c.containerErrorHandler = containerErrorHandler;
        c.restartBackOff = restartBackOff;
        c.threadFactory = threadFactory;
        c.observationRegistry = observationRegistry;
        c.observationConvention = observationConvention;
        return c;
    }

    /** Messages handled at once (1); above 1 a REP socket becomes a ROUTER so several requests can be in hand. */
    public int getConcurrency() {
        return concurrency;
    }

    /** @throws IllegalArgumentException when below 1 */
    public void setConcurrency(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.concurrency = concurrency;
    }

    /** Whether the container starts with the application (true). */
    public boolean isAutoStartup() {
        return autoStartup;
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    /** How long stopping waits for the messages in hand before closing the socket under them (30 s). */
    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    /**
     * Whether a caller of a failing listener on a socket that replies gets the exception's class and message in its
     * {@code ERROR} reply (false: a bare {@code ERROR}, as Spring AMQP's {@code returnExceptions}).
     */
    public boolean isReturnExceptions() {
        return returnExceptions;
    }

    public void setReturnExceptions(boolean returnExceptions) {
        this.returnExceptions = returnExceptions;
    }

    /** Decides the reply payload and logs once a message failed for good ({@link LoggingErrorHandler}). */
    public ZmqErrorHandler getErrorHandler() {
        return errorHandler;
    }

    public void setErrorHandler(ZmqErrorHandler errorHandler) {
        this.errorHandler = errorHandler;
    }

    /**
     * How a message whose listener threw is tried again (none by default); used when {@link #getRetries()} is
     * unset. Retries block the listener's thread.
     */
    public BackOff getRetryBackOff() {
        return retryBackOff;
    }

    public void setRetryBackOff(BackOff retryBackOff) {
        this.retryBackOff = retryBackOff;
    }

    /**
     * Retries after a failed attempt, spaced by {@link #getRetryDelay()}, {@link #getRetryMultiplier()} and
     * {@link #getRetryMaxDelay()}; {@code null} (the default) to use {@link #getRetryBackOff()} instead.
     */
    public @Nullable Integer getRetries() {
        return retries;
    }

    /** @throws IllegalArgumentException when negative */
    public void setRetries(@Nullable Integer retries) {
        if (retries != null && retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, got " + retries);
        }
        this.retries = retries;
    }

    /** Wait before the first of {@link #getRetries()} retries (1 s). */
    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    /** Factor by which the wait between retries grows (2). */
    public double getRetryMultiplier() {
        return retryMultiplier;
    }

    public void setRetryMultiplier(double retryMultiplier) {
        this.retryMultiplier = retryMultiplier;
    }

    /** Longest wait between retries (30 s). */
    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    /** The back-off retries follow: from {@link #getRetries()} when set, else {@link #getRetryBackOff()}. */
    public BackOff effectiveRetryBackOff() {
        if (retries == null) {
            return retryBackOff;
        }
        ExponentialBackOff b = new ExponentialBackOff(retryDelay.toMillis(), retryMultiplier);
        b.setMaxInterval(retryMaxDelay.toMillis());
        b.setMaxAttempts(retries);
        return b;
    }

    /** Where a message goes once every attempt failed, unless {@link #getDeadLetterSocket()} is set; none default. */
    public @Nullable DeadLetterPublisher getDeadLetterPublisher() {
        return deadLetterPublisher;
    }

    public void setDeadLetterPublisher(@Nullable DeadLetterPublisher deadLetterPublisher) {
        this.deadLetterPublisher = deadLetterPublisher;
    }

    /**
     * A socket under {@code zmq.sockets} where messages go once every attempt failed (a {@link DeadLetterSocket},
     * which the container factory makes); takes the place of {@link #getDeadLetterPublisher()}. None by default.
     */
    public @Nullable String getDeadLetterSocket() {
        return deadLetterSocket;
    }

    public void setDeadLetterSocket(@Nullable String deadLetterSocket) {
        this.deadLetterSocket = deadLetterSocket;
    }

    /**
     * What the container does with a message whose listener threw; {@code null} (the default) for a
     * {@link DefaultErrorHandler} with the dead-letter publisher and {@link #effectiveRetryBackOff()}.
     */
    public @Nullable ContainerErrorHandler getContainerErrorHandler() {
        return containerErrorHandler;
    }

    public void setContainerErrorHandler(@Nullable ContainerErrorHandler containerErrorHandler) {
        this.containerErrorHandler = containerErrorHandler;
    }

    /**
     * How restarts after a socket failure are spaced, and when they stop (100 ms doubling to 30 s, 10 in a row; a
     * run that lasted a minute starts a new sequence).
     */
    public BackOff getRestartBackOff() {
        return restartBackOff;
    }

    public void setRestartBackOff(BackOff restartBackOff) {
        this.restartBackOff = restartBackOff;
    }

    /**
     * Makes the receiving thread and the workers (platform threads; virtual ones with
     * {@code spring.threads.virtual.enabled} on Java 21+). Threads are renamed {@code zmq-<id>} and
     * {@code zmq-<id>-worker-<n>}.
     */
    public ThreadFactory getThreadFactory() {
        return threadFactory;
    }

    public void setThreadFactory(ThreadFactory threadFactory) {
        this.threadFactory = threadFactory;
    }

    /** Where each message's handling is recorded as a {@code zmq.listener} observation (none). */
    public ObservationRegistry getObservationRegistry() {
        return observationRegistry;
    }

    public void setObservationRegistry(ObservationRegistry observationRegistry) {
        this.observationRegistry = observationRegistry;
    }

    /** Names and tags the observations; {@code null} for {@link ZmqListenerObservationConvention#DEFAULT}. */
    public @Nullable ZmqListenerObservationConvention getObservationConvention() {
        return observationConvention;
    }

    public void setObservationConvention(@Nullable ZmqListenerObservationConvention observationConvention) {
        this.observationConvention = observationConvention;
    }

    private static BackOff defaultRestartBackOff() {
        ExponentialBackOff b = new ExponentialBackOff(100, 2.0);
        b.setMaxInterval(30_000);
        b.setMaxAttempts(10);
        return b;
    }
}
