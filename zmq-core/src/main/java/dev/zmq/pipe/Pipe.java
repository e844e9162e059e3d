package dev.zmq.pipe;

import dev.zmq.ZmqMessage;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-way queue of whole messages between a socket and one peer connection, bounded by a high-water mark counted
 * in messages, as libzmq counts it.
 *
 * <p>Thread-safety: one writer thread and one reader thread at a time. The reader is woken (its wake-up callback
 * runs on the writer's thread) only on the empty to non-empty edge; a writer refused at the HWM is woken once the
 * reader has drained the pipe to half the HWM. Neither side takes a lock.
 */
public final class Pipe {

    private static final Runnable NOTHING = () -> { };

    private final SpscQueue<ZmqMessage> queue = new SpscQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean writerWaiting = new AtomicBoolean();
    private final int hwm;
    private final int lowWater;
    private volatile Runnable readerWake = NOTHING;
    private volatile Runnable writerWake = NOTHING;

    /** A pipe holding at most {@code hwm} messages; 0 means unbounded. */
    public Pipe(int hwm) {
        this.hwm = hwm;
        this.lowWater = Math.max(0, hwm / 2);
    }

    /** Sets what runs (on the writer's thread) when the pipe goes from empty to non-empty. */
    public void onReadable(Runnable wake) {
        this.readerWake = wake == null ? NOTHING : wake;
    }

    /** Sets what runs (on the reader's thread) when a writer refused at the HWM may write again. */
    public void onWritable(Runnable wake) {
        this.writerWake = wake == null ? NOTHING : wake;
    }

    /** Whether the HWM leaves room for one more message now. */
    public boolean hasRoom() {
        return hwm == 0 || size.get() < hwm;
    }

    /**
     * Queues {@code message} unless the pipe is at its HWM.
     *
     * @return {@code false} when full: the writer will be woken through {@link #onWritable} once there is room
     */
    public boolean offer(ZmqMessage message) {
        if (!hasRoom()) {
            writerWaiting.set(true);
            if (!hasRoom()) {
                return false;
            }
            writerWaiting.set(false);
        }
        queue.offer(message);
        if (size.getAndIncrement() == 0) {
            readerWake.run();
        }
        return true;
    }

    /** Queues {@code message} whatever the HWM (for control messages that must not be lost). */
    public void force(ZmqMessage message) {
        queue.offer(message);
        if (size.getAndIncrement() == 0) {
            readerWake.run();
        }
    }

    /** Takes the oldest message, or {@code null} when empty. */
    public ZmqMessage poll() {
        ZmqMessage m = queue.poll();
        if (m != null) {
            int left = size.decrementAndGet();
            if (left <= lowWater && writerWaiting.get() && writerWaiting.compareAndSet(true, false)) {
                writerWake.run();
            }
        }
        return m;
    }

    /** Whether no message is queued. */
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Messages queued now (a snapshot; may be momentarily off by one while a write or read is under way). */
    public int depth() {
        return Math.max(0, size.get());
    }

    /** The high-water mark; 0 means unbounded. */
    public int hwm() {
        return hwm;
    }

    /** Drops every queued message and returns how many were dropped. */
    public int clear() {
        int n = 0;
        while (poll() != null) {
            n++;
        }
        return n;
    }
}
