package dev.zmq.spring.listener;

import dev.zmq.Frame;
import dev.zmq.Poller;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.config.ZmqSocketSpec;
import dev.zmq.spring.support.ReceivedMessage;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.metrics.ZmqListenerObservationContext;
import dev.zmq.spring.metrics.ZmqListenerObservationConvention;
import dev.zmq.spring.support.TraceEnvelope;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one listener: a thread owns the socket, parks until messages arrive (no polling interval) and hands each to
 * the {@link ZmqMessageListener}, sending its reply back through the socket. With concurrency N &gt; 1 the thread
 * only receives and answers while N workers run the listener; a REP socket then becomes a ROUTER so N requests can
 * be in progress, and replies keep their envelopes.
 *
 * <p>A listener never dies silently: when its socket fails while running (a reply that cannot be sent, a socket
 * closed under it), the failure is logged, the socket closed, and the container restarts it with an exponential
 * back-off ({@link #setRestartBackOff}, by default 100 ms doubling to 30 s, 10 attempts in a row); meanwhile
 * {@link #getFailure()} says why, and the {@code zmq} health indicator is DOWN naming the listener. When the back-off
 * gives up, the container reports not running. A listener that throws is not a socket failure: it is tried again as
 * the {@link #setRetryPolicy retry policy} says (none by default), then the message goes to the
 * {@link #setDeadLetterPublisher dead-letter publisher} (if any) and the error handler, and a caller waiting for a
 * reply gets an {@code ERROR} reply (with the exception only when {@link #setReturnExceptions return-exceptions} is
 * on). Retries, dead letters and restarts are counted ({@link #getRetries()}, {@link #getDeadLettered()},
 * {@link #getRestarts()}).
 *
 * <p>Stopping stops taking new messages, lets every message already taken finish (its reply is sent) within the
 * shutdown timeout, then closes the socket. A {@link SmartLifecycle} in phase {@link #PHASE}. Thread-safe: start and
 * stop from any thread. {@link #start()} throws {@link ZmqException} when the socket cannot bind or connect.
 */
public class ZmqListenerContainer implements SmartLifecycle {

    /**
     * Lifecycle phase of listeners: below the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}), which
     * therefore drains HTTP requests first (they may wait on ZeroMQ replies), and above the web server's stop
     * ({@code DEFAULT_PHASE - 2048}), so listeners have finished their messages before the server goes away.
     */
    public static final int PHASE = DEFAULT_PHASE - 1536;

    private static final Logger LOG = LoggerFactory.getLogger(ZmqListenerContainer.class);
    /** Schedules restarts of failed listeners, for every container. */
    private static final ScheduledExecutorService RESTARTS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "zmq-listener-restarts");
        t.setDaemon(true);
        return t;
    });
    /** A run that lasted this long before it failed starts a new back-off sequence. */
    private static final Duration STREAK = Duration.ofMinutes(1);
    private static final int BATCH = 256;
    private static final Duration FOREVER = Duration.ofMillis(-1);
    private static final Set<SocketType> ANSWERING = EnumSet.of(SocketType.REP, SocketType.ROUTER, SocketType.SERVER,
            SocketType.PEER);

    private final String id;
    private final ZmqSocketSpec spec;
    private final int concurrency;
    private final ZmqMessageListener listener;
    private final ZmqErrorHandler errorHandler;
    private final ZmqMessageConverter converter;
    private final ZmqContext context;
    private final boolean autoStartup;
    private final Duration shutdownTimeout;
    private volatile Run run;
    private ObservationRegistry observations = ObservationRegistry.NOOP;
    private ZmqListenerObservationConvention observationConvention;
    private final KeyValues observationKeyValues;
    private boolean returnExceptions;
    private volatile BackOff restartBackOff = defaultRestartBackOff();
    private BackOffExecution restartSequence;
    private ScheduledFuture<?> restart;
    private volatile ListenerFailure failure;
    private final AtomicLong restarts = new AtomicLong();
    private RetryTemplate retry;
    private DeadLetterPublisher deadLetters;
    private ThreadFactory threads = Thread::new;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    /**
     * A stopped container.
     *
     * @param shutdownTimeout how long {@link #stop()} waits for messages in progress before closing the socket
     * @throws IllegalArgumentException when concurrency is below 1
     */
    public ZmqListenerContainer(String id, ZmqSocketSpec spec, int concurrency, ZmqMessageListener listener,
                                ZmqErrorHandler errorHandler, ZmqMessageConverter converter, ZmqContext context,
                                boolean autoStartup, Duration shutdownTimeout) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("listener '" + id + "': concurrency must be at least 1, got "
                    + concurrency);
        }
        this.id = id;
        this.spec = spec;
        this.observationKeyValues = KeyValues.of("listener.id", id, "socket", spec.name());
        this.concurrency = concurrency;
        this.listener = listener;
        this.errorHandler = errorHandler;
        this.converter = converter;
        this.context = context;
        this.autoStartup = autoStartup;
        this.shutdownTimeout = shutdownTimeout;
    }

    /** Records each message's handling as a {@code zmq.listener} observation; set before {@link #start()}. */
    public void setObservationRegistry(ObservationRegistry observations) {
        this.observations = observations;
    }

    /**
     * Names and tags the observations ({@link ZmqListenerObservationConvention#DEFAULT} when unset); set before
     * {@link #start()}.
     */
    public void setObservationConvention(ZmqListenerObservationConvention convention) {
        this.observationConvention = convention;
    }

    /**
     * Whether a caller of a failing REP/ROUTER/SERVER/PEER listener gets the exception's class and message in its
     * {@code ERROR} reply (default {@code false}: a bare {@code ERROR}; the details go to the error handler, the log
     * and the observation). Set before {@link #start()}.
     */
    public void setReturnExceptions(boolean returnExceptions) {
        this.returnExceptions = returnExceptions;
    }

    /**
     * How a message whose listener threw is tried again (Spring's {@link RetryPolicy}: retries, back-off, which
     * exceptions); {@code null} (the default) tries once. Retries block the listener's thread. Set before
     * {@link #start()}.
     */
    public void setRetryPolicy(RetryPolicy policy) {
        if (policy == null) {
            retry = null;
            return;
        }
        retry = new RetryTemplate(policy);
        retry.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy p, Retryable<?> r) {
                retries.incrementAndGet();
            }
        });
    }

    /**
     * Makes the container's receiving thread and its workers (platform threads by default; virtual ones with
     * {@code spring.threads.virtual.enabled} on Java 21+). Threads are renamed {@code zmq-<id>} and
     * {@code zmq-<id>-worker-<n>}. Set before {@link #start()}.
     */
    public void setThreadFactory(ThreadFactory threads) {
        this.threads = threads;
    }

    private Thread thread(Runnable r, String name) {
        Thread t = threads.newThread(r);
        t.setName(name);
        return t;
    }

    /** Where a message goes once every attempt failed ({@code null}, the default: nowhere but the error handler). */
    public void setDeadLetterPublisher(DeadLetterPublisher deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Retries made so far (attempts after a first one that threw). */
    public long getRetries() {
        return retries.get();
    }

    /** Messages handed to the dead-letter publisher so far. */
    public long getDeadLettered() {
        return deadLettered.get();
    }

    /** How restarts after a socket failure are spaced, and when they stop; set before {@link #start()}. */
    public void setRestartBackOff(BackOff restartBackOff) {
        this.restartBackOff = restartBackOff;
    }

    private static BackOff defaultRestartBackOff() {
        ExponentialBackOff b = new ExponentialBackOff(100, 2.0);
        b.setMaxInterval(30_000);
        b.setMaxAttempts(10);
        return b;
    }

    /** Why the listener is not working although nobody stopped it, or {@code null} while it works or is stopped. */
    public ListenerFailure getFailure() {
        return failure;
    }

    /** Restarts after socket failures so far. */
    public long getRestarts() {
        return restarts.get();
    }

    /** The listener's id. */
    public String getId() {
        return id;
    }

    /** The socket it listens on. */
    public ZmqSocketSpec getSocketSpec() {
        return spec;
    }

    /** How many messages may be handled at once. */
    public int getConcurrency() {
        return concurrency;
    }

    /** The socket in use while running, for statistics; {@code null} when stopped. Use it only to read statistics. */
    public ZmqSocket getSocket() {
        Run r = run;
        return r == null ? null : r.front;
    }

    @Override
    public synchronized void start() {
        if (run == null && restart == null) {
            failure = null;
            restartSequence = null;
            run = new Run();
        }
    }

    @Override
    public void stop() {
        Run r;
        synchronized (this) {
            if (restart != null) {
                restart.cancel(false);
                restart = null;
            }
            failure = null;
            r = run;
            run = null;
        }
        if (r != null) {
            r.stop();
        }
    }

    /** Running, or restarting after a failure; not once stopped or after the restarts gave up. */
    @Override
    public synchronized boolean isRunning() {
        return run != null || restart != null;
    }

    /**
     * The run {@code failed} ended with {@code error} (or a restart could not open the socket, {@code failed} being
     * {@code null}): schedule the next restart, or give up when the back-off says so.
     */
    private synchronized void failed(Run failed, Exception error) {
        if (failed != null && run != failed) {
            return;
        }
        run = null;
        Instant now = Instant.now();
        if (restartSequence == null || failed != null && failed.startedAt.plus(STREAK).isBefore(now)) {
            restartSequence = restartBackOff.start();
        }
        long delay = restartSequence.nextBackOff();
        String reason = error.getClass().getSimpleName()
                + (error instanceof ZmqException z ? " " + z.code() : "") + ": " + error.getMessage();
        if (delay == BackOffExecution.STOP) {
            failure = new ListenerFailure(reason, now, restarts.get(), null);
            LOG.error("ZeroMQ listener '{}' failed and gives up after {} restarts: {}", id, restarts.get(), reason,
                    error);
            return;
        }
        failure = new ListenerFailure(reason, now, restarts.get(), now.plusMillis(delay));
        LOG.error("ZeroMQ listener '{}' failed; restarting its socket in {} ms: {}", id, delay, reason, error);
        restart = RESTARTS.schedule(this::restart, delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void restart() {
        if (restart == null) {
            return;
        }
        restart = null;
        restarts.incrementAndGet();
        try {
            run = new Run();
            failure = null;
            LOG.info("ZeroMQ listener '{}' restarted (restart {})", id, restarts.get());
        } catch (RuntimeException e) {
            failed(null, e);
        }
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public String toString() {
        return "ZmqListenerContainer[" + id + ", " + spec.type() + " " + spec.name() + ", concurrency "
                + concurrency + "]";
    }

    /** One start-to-stop run: the socket, its thread and the workers. */
    private final class Run implements Runnable {

        private final ZmqSocket front;
        private final SocketType framing;
        private final Poller poller = new Poller();
        private final ExecutorService workers;
        private final Semaphore permits = new Semaphore(concurrency);
        private final Queue<ZmqMessage> replies = new ConcurrentLinkedQueue<>();
        private final CountDownLatch finished = new CountDownLatch(1);
        private final Thread thread;
        private final Instant startedAt = Instant.now();
        private volatile boolean stopping;

        Run() {
            framing = concurrency > 1 && spec.type() == SocketType.REP ? SocketType.ROUTER : spec.type();
            front = spec.withType(framing).open(context);
            AtomicInteger n = new AtomicInteger();
            workers = concurrency == 1 ? null : Executors.newFixedThreadPool(concurrency,
                    r -> thread(r, "zmq-" + id + "-worker-" + n.incrementAndGet()));
            thread = thread(this, "zmq-" + id);
            thread.start();
        }

        @Override
        public void run() {
            Exception failure = null;
            try {
                while (true) {
                    boolean idle = permits.availablePermits() == concurrency;
                    if (stopping && idle && replies.isEmpty()) {
                        return;
                    }
                    if (!stopping && permits.availablePermits() > 0) {
                        poller.register(front, Poller.POLLIN);
                    } else {
                        poller.unregister(front);
                    }
                    poller.poll(FOREVER);
                    sendReplies();
                    if (!stopping && poller.isReadable(front)) {
                        receiveBatch();
                    }
                }
            } catch (RuntimeException e) {
                // a ZmqException from the socket, or anything else that ends the loop: never silently
                if (!stopping) {
                    failure = e;
                }
            } finally {
                poller.close();
                front.close();
                if (workers != null && failure != null) {
                    workers.shutdown();
                }
                finished.countDown();
            }
            if (failure != null) {
                failed(this, failure);
            }
        }

        private void receiveBatch() {
            for (int i = 0; i < BATCH && !stopping; i++) {
                if (workers != null && !permits.tryAcquire()) {
                    return;
                }
                ZmqMessage m = front.recv(ZmqSocket.DONTWAIT);
                if (m == null) {
                    if (workers != null) {
                        permits.release();
                    }
                    return;
                }
                if (workers == null) {
                    ZmqMessage reply = handle(m);
                    if (reply != null) {
                        front.send(reply);
                    }
                } else {
                    workers.execute(() -> handOff(m));
                }
            }
        }

        private void handOff(ZmqMessage m) {
            try {
                ZmqMessage reply = handle(m);
                if (reply != null) {
                    replies.add(reply);
                }
            } finally {
                permits.release();
                poller.wakeup();
            }
        }

        private void sendReplies() {
            ZmqMessage reply;
            while ((reply = replies.poll()) != null) {
                front.send(reply);
            }
        }

        private ZmqMessage handle(ZmqMessage raw) {
            ReceivedMessage m = ReceivedMessage.split(raw, framing);
            Map<String, String> traceHeaders = Map.of();
            if (spec.propagation()) {
                TraceEnvelope.Opened opened = TraceEnvelope.open(m);
                m = opened.message();
                traceHeaders = opened.headers();
            }
            ZmqMessage reply;
            Observation observation = observations.isNoop() ? Observation.NOOP : observation(traceHeaders);
            int[] attempts = {0};
            try (Observation.Scope scope = observation.openScope()) {
                reply = invoke(m, attempts);
            } catch (Exception e) {
                observation.error(e);
                deadLetter(m, e, attempts[0]);
                reply = errorReply(m, e);
            } finally {
                observation.stop();
            }
            if (reply == null && spec.type() == SocketType.REP) {
                reply = ZmqMessage.of(Frame.EMPTY);
            }
            return reply == null ? null : m.reply(reply);
        }

        private Observation observation(Map<String, String> traceHeaders) {
            ZmqListenerObservationContext context = new ZmqListenerObservationContext(id, spec.name(),
                    observationKeyValues, traceHeaders);
            return Observation.createNotStarted(observationConvention, ZmqListenerObservationConvention.DEFAULT,
                    () -> context, observations).start();
        }

        /** Runs the listener, as often as the retry policy allows; throws the last attempt's exception. */
        private ZmqMessage invoke(ReceivedMessage m, int[] attempts) throws Exception {
            if (retry == null) {
                attempts[0] = 1;
                return listener.onMessage(m);
            }
            try {
                return retry.execute(() -> {
                    attempts[0]++;
                    return listener.onMessage(m);
                });
            } catch (RetryException exhausted) {
                Throwable last = exhausted.getLastException() != null ? exhausted.getLastException()
                        : exhausted.getCause();
                if (last instanceof Exception e) {
                    throw e;
                }
                throw exhausted;
            }
        }

        private void deadLetter(ReceivedMessage m, Exception e, int attempts) {
            if (deadLetters == null) {
                return;
            }
            try {
                deadLetters.publish(id, m, e, attempts);
                deadLettered.incrementAndGet();
            } catch (RuntimeException failed) {
                LOG.error("ZeroMQ listener '{}' could not dead-letter a failed message: {}", id, failed.toString(),
                        failed);
            }
        }

        private ZmqMessage errorReply(ReceivedMessage m, Exception e) {
            Object custom;
            try {
                custom = errorHandler.handleError(id, m, e);
            } catch (RuntimeException handlerFailure) {
                LOG.error("the error handler of ZeroMQ listener '{}' failed", id, handlerFailure);
                custom = null;
            }
            if (!ANSWERING.contains(spec.type())) {
                return null;
            }
            if (custom != null) {
                return converter.toZmqMessage(custom);
            }
            if (!returnExceptions) {
                return ZmqMessage.of("ERROR");
            }
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            // SERVER and PEER carry single frames
            return spec.type().isThreadSafe() ? ZmqMessage.of("ERROR " + reason) : ZmqMessage.of("ERROR", reason);
        }

        /** Stops within the shutdown timeout in all: the messages in hand finish, or the socket is closed under them. */
        void stop() {
            stopping = true;
            poller.wakeup();
            long deadline = System.nanoTime() + shutdownTimeout.toNanos();
            try {
                if (!finished.await(shutdownTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    LOG.warn("ZeroMQ listener '{}' did not finish its messages within {}; closing its socket", id,
                            shutdownTimeout);
                    front.close();
                }
                if (workers != null) {
                    workers.shutdown();
                    if (!workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        workers.shutdownNow();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                front.close();
            }
        }
    }
}
