package dev.zmq.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.spi.SelectorProvider;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One background I/O thread: an NIO selector loop that serves many connections, runs tasks handed to it from other
 * threads, and runs timers (reconnects, heartbeats, handshake and linger deadlines).
 *
 * <p>Thread-safe: {@link #execute} may be called from any thread and wakes the selector only when the loop may be
 * asleep; everything else runs on the loop's own thread.
 */
public final class IoThread implements AutoCloseable {

    /** Size of the read buffer and of each pooled output buffer: one read or write syscall moves up to this much. */
    static final int BUFFER_SIZE = 64 * 1024;
    /** Output buffers kept for reuse per I/O thread when connections give them back. */
    private static final int IDLE_OUTPUT_BUFFERS = 32;

    private static final ThreadLocal<IoThread> CURRENT = new ThreadLocal<>();

    private static final Logger LOG = Logger.getLogger(IoThread.class.getName());

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<IoTimer> timers = new PriorityQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Thread thread;
    /** Every connection of this thread reads into this one buffer and decodes in place. */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final BufferPool outputBuffers = new BufferPool(BUFFER_SIZE, IDLE_OUTPUT_BUFFERS);
    private volatile boolean running = true;
    private long timerSequence;

    /** Starts a loop on a daemon thread named {@code name}; throws {@link UncheckedIOException} if no selector. */
    public IoThread(String name) {
        this(name, SelectorProvider.provider());
    }

    /** An I/O thread whose selector comes from {@code provider} (channels of another provider need their own). */
    public IoThread(String name, SelectorProvider provider) {
        try {
            this.selector = provider.openSelector();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for " + name, e);
        }
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the calling thread is one of the I/O threads (which must never wait on I/O-thread work). */
    public static boolean isIoThread() {
        return CURRENT.get() != null;
    }

    /**
     * The buffer every connection of this thread reads into; it holds nothing between two reads (a connection keeps
     * what it could not decode yet). Call on this I/O thread only.
     */
    ByteBuffer readBuffer() {
        return readBuffer;
    }

    /** The output buffers that connections of this thread borrow while they have bytes to write. Thread-safe. */
    BufferPool outputBuffers() {
        return outputBuffers;
    }

    /** Runs {@code task} on this I/O thread soon. */
    public void execute(Runnable task) {
        tasks.offer(task);
        if (Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Schedules {@code task} after {@code delayNanos}; call on this I/O thread only. */
    public IoTimer schedule(long delayNanos, Runnable task) {
        IoTimer t = new IoTimer(System.nanoTime() + delayNanos, timerSequence++, task);
        timers.add(t);
        return t;
    }

    /** Registers {@code channel} for {@code ops} with {@code handler}; call on this I/O thread only. */
    public SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) throws ClosedChannelException {
        return channel.register(selector, ops, handler);
    }

    /**
     * Makes the selector forget cancelled keys now, so closed channels release their file descriptors (a listening
     * port can be bound again at once). Call on this I/O thread only; ready keys found meanwhile are served next turn.
     */
    public void flushCancelledKeys() {
        try {
            selector.selectNow();
            if (wakeupPending.get()) {
                // selectNow() consumed a wakeup another thread asked for; ask again or the next select sleeps
                selector.wakeup();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "selectNow failed on " + thread.getName(), e);
        }
    }

    private void loop() {
        CURRENT.set(this);
        while (running) {
            try {
                long timeout = runTimers();
                if (tasks.isEmpty()) {
                    if (timeout == 0) {
                        selector.select();
                    } else {
                        selector.select(timeout);
                    }
                } else {
                    selector.selectNow();
                }
                wakeupPending.set(false);
                dispatch();
                runTasks();
            } catch (IOException | RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "I/O thread " + thread.getName() + " caught an unexpected error", e);
            }
        }
        closeSelector();
    }

    private void dispatch() {
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            if (key.isValid()) {
                IoHandler handler = (IoHandler) key.attachment();
                try {
                    handler.onReady(key);
                } catch (RuntimeException | Error e) {
                    fail(handler, key, e);
                }
            }
        }
    }

    /** Ends what {@code handler} serves after it threw, so the loop serves the other channels on. */
    private void fail(IoHandler handler, SelectionKey key, Throwable error) {
        LOG.log(Level.WARNING, "I/O handler " + handler + " failed; closing its channel", error);
        try {
            handler.failed(key, error);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "I/O handler " + handler + " failed to close after a failure", e);
        }
    }

    private void runTasks() {
        Runnable r;
        int budget = 1024;
        while (budget-- > 0 && (r = tasks.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "I/O task failed", e);
            }
        }
    }

    /** Runs due timers; returns milliseconds until the next one (0 when none). */
    private long runTimers() {
        while (!timers.isEmpty()) {
            IoTimer t = timers.peek();
            long wait = t.deadlineNanos - System.nanoTime();
            if (t.cancelled) {
                timers.poll();
            } else if (wait <= 0) {
                timers.poll();
                try {
                    t.task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "I/O timer failed", e);
                }
            } else {
                return Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999));
            }
        }
        return 0;
    }

    private void closeSelector() {
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    /** Stops the loop, closes every channel still registered and waits for the thread to end. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
