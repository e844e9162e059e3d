package dev.zmq.spring.listener;

import dev.zmq.Poller;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.support.ZmqSocketSpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.backoff.BackOffExecution;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one listener: its lifecycle and its receive loop. A thread owns the socket, parks until messages arrive (no
 * polling interval) and hands each to the {@link ZmqMessageListener}, sending its reply back through the socket.
 * With concurrency N &gt; 1 the thread only receives and answers while N workers run the listener; a REP socket
 * then becomes a ROUTER so N requests can be in progress, and replies keep their envelopes.
 *
 * <p>Everything else is a strategy it is given in its {@link ContainerProperties}: a listener that throws goes to the
 * {@link ContainerErrorHandler} (by default a {@link DefaultErrorHandler}: retries, then the dead-letter publisher),
 * then the caller gets the reply {@link ZmqErrorHandler} decides. A socket that fails while running (a reply that
 * cannot be sent, a socket closed under it) is closed and restarted as the restart back-off says ({@link
 * RestartPolicy}); meanwhile {@link #getFailure()} says why, and when the back-off gives up the container reports not
 * running.
 *
 * <p>Stopping stops taking new messages, lets every message already taken finish (its reply is sent) within the
 * shutdown timeout, then closes the socket. A {@link SmartLifecycle} in phase {@link #PHASE}. Thread-safe: start and
 * stop from any thread. {@link #start()} throws {@link ZmqException} when the socket cannot bind or connect.
 */
public class ZmqListenerContainer implements MessageListenerContainer {

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
    private static final int BATCH = 256;
    private static final Duration FOREVER = Duration.ofMillis(-1);

    private final String id;
    private final ZmqSocketSpec spec;
    private final ZmqContext context;
    private final ContainerProperties properties;
    private final SocketType framing;
    private final ListenerInvoker invoker;
    private final RestartPolicy restartPolicy;
    private final AtomicLong restarts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile @Nullable Run run;
    private @Nullable ScheduledFuture<?> restart;
    private volatile @Nullable ListenerFailure failure;

    /**
     * A stopped container running {@code listener} on the socket {@code spec} in {@code context}, with its own copy
     * of {@code properties}; {@code converter} turns an error handler's reply into a message.
     */
    public ZmqListenerContainer(String id, ZmqSocketSpec spec, ZmqMessageListener listener, ZmqContext context,
                                ZmqMessageConverter converter, ContainerProperties properties) {
        this.id = id;
        this.spec = spec;
        this.context = context;
        this.properties = properties.copy();
        this.framing = this.properties.getConcurrency() > 1 && spec.type() == SocketType.REP ? spec.type().raw()
                : spec.type();
        ContainerErrorHandler failures = this.properties.getContainerErrorHandler();
        if (failures == null) {
            failures = new DefaultErrorHandler(this.properties.getDeadLetterPublisher(),
                    this.properties.effectiveRetryBackOff());
        }
        this.invoker = new ListenerInvoker(id, spec, framing, listener, failures,
                new ErrorReplies(id, spec.type(), this.properties, converter), this.properties, retries, deadLettered);
        this.restartPolicy = new RestartPolicy(this.properties.getRestartBackOff());
    }

    /** This container's settings (a copy: changing it changes nothing). */
    public ContainerProperties getContainerProperties() {
        return properties.copy();
    }

    @Override
    public long getRetries() {
        return retries.get();
    }

    @Override
    public long getDeadLettered() {
        return deadLettered.get();
    }

    @Override
    public @Nullable ListenerFailure getFailure() {
        return failure;
    }

    @Override
    public long getRestarts() {
        return restarts.get();
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public ZmqSocketSpec getSocketSpec() {
        return spec;
    }

    @Override
    public int getConcurrency() {
        return properties.getConcurrency();
    }

    @Override
    public @Nullable ZmqSocket getSocket() {
        Run r = run;
        return r == null ? null : r.front;
    }

    @Override
    public synchronized void start() {
        if (run == null && restart == null) {
            failure = null;
            restartPolicy.reset();
            run = new Run();
        }
    }

    @Override
    public void stop() {
        Run r;
        synchronized (this) {
            ScheduledFuture<?> pending = restart;
            if (pending != null) {
                pending.cancel(false);
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
     * {@code null}): schedule the next restart, or give up when the restart policy says so.
     */
    private synchronized void failed(@Nullable Run failed, Exception error) {
        if (failed != null && run != failed) {
            return;
        }
        run = null;
        Instant now = Instant.now();
        long delay = restartPolicy.nextDelay(failed == null ? null : failed.startedAt, now);
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
        return properties.isAutoStartup();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public String toString() {
        return "ZmqListenerContainer[" + id + ", " + spec.type() + " " + spec.name() + ", concurrency "
                + properties.getConcurrency() + "]";
    }

    private Thread thread(Runnable r, String name) {
        Thread t = properties.getThreadFactory().newThread(r);
        t.setName(name);
        return t;
    }

    /** One start-to-stop run: the socket, its thread and the workers. */
    private final class Run implements Runnable {

        private final ZmqSocket front;
        private final Poller poller = new Poller();
        private final int concurrency = properties.getConcurrency();
        private final @Nullable ExecutorService workers;
        private final Semaphore permits = new Semaphore(concurrency);
        private final Queue<ZmqMessage> replies = new ConcurrentLinkedQueue<>();
        private final CountDownLatch finished = new CountDownLatch(1);
        private final Instant startedAt = Instant.now();
        private volatile boolean stopping;

        Run() {
            front = spec.withType(framing).open(context);
            AtomicInteger n = new AtomicInteger();
            workers = concurrency == 1 ? null : Executors.newFixedThreadPool(concurrency,
                    r -> thread(r, "zmq-" + id + "-worker-" + n.incrementAndGet()));
            thread(this, "zmq-" + id).start();
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
            ExecutorService pool = workers;
            for (int i = 0; i < BATCH && !stopping; i++) {
                if (pool != null && !permits.tryAcquire()) {
                    return;
                }
                ZmqMessage m = front.recv(ZmqSocket.DONTWAIT);
                if (m == null) {
                    if (pool != null) {
                        permits.release();
                    }
                    return;
                }
                if (pool == null) {
                    ZmqMessage reply = invoker.handle(m);
                    if (reply != null) {
                        front.send(reply);
                    }
                } else {
                    pool.execute(() -> handOff(m));
                }
            }
        }

        private void handOff(ZmqMessage m) {
            try {
                ZmqMessage reply = invoker.handle(m);
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

        /** Stops within the shutdown timeout in all: the messages in hand finish, or the socket is closed under them. */
        void stop() {
            stopping = true;
            poller.wakeup();
            Duration timeout = properties.getShutdownTimeout();
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                if (!finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    LOG.warn("ZeroMQ listener '{}' did not finish its messages within {}; closing its socket", id,
                            timeout);
                    front.close();
                }
                ExecutorService pool = workers;
                if (pool != null) {
                    pool.shutdown();
                    if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        pool.shutdownNow();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                front.close();
            }
        }
    }
}
