package dev.zmq.pipe;

import dev.zmq.ZmqMessage;

import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A one-way queue of whole messages between a socket and one peer connection, bounded by a high-water mark counted
 * in messages, as libzmq counts it. One kind per way of queueing: {@link #bounded} (a socket and an engine),
 * {@link #inproc} (two sockets, counting its own traffic), {@link #conflating} (CONFLATE) and {@link #swapping}
 * (SWAP); this class holds what they share: the HWM accounting and the wake-up protocol.
 *
 * <p>Thread-safety: one writer thread and one reader thread at a time. Neither side takes a lock or does an atomic
 * read-modify-write per message: each side counts its own messages and publishes the count with a plain release
 * store. The reader is woken (its wake-up callback runs on the writer's thread) only after it found the pipe empty;
 * a writer refused at the HWM is woken once the reader has drained the pipe to half the HWM.
 */
public abstract sealed class Pipe permits BoundedPipe, InprocPipe, ConflatingPipe {

    private static final Runnable NOTHING = () -> { };

    private final int hwm;
    private final int lowWater;
    /** Messages written, published by the writer. */
    private final Counter written = new Counter();
    /** Messages read, published by the reader. */
    private final Counter read = new Counter();
    /** The writer's last look at {@link #read}. */
    private long readSeenByWriter;
    /** Set by the reader when it found the pipe empty: the next write wakes it. */
    private final Flag readerWaiting = new Flag(true);
    /** Set by a writer refused at the HWM: the reader wakes it at the low-water mark. */
    private final Flag writerWaiting = new Flag(false);
    /** What {@link #poll()} takes into. Reader only. */
    private final Received polled = new Received();
    private volatile Runnable readerWake = NOTHING;
    private volatile Runnable writerWake = NOTHING;

    Pipe(int hwm) {
        this.hwm = hwm;
        this.lowWater = Math.max(0, hwm / 2);
    }

    /** A pipe between a socket and an engine holding at most {@code hwm} messages; 0 means unbounded. */
    public static Pipe bounded(int hwm) {
        return new BoundedPipe(hwm);
    }

    /** A pipe between two sockets of one context, holding at most {@code hwm} messages and counting its traffic. */
    public static Pipe inproc(int hwm) {
        return new InprocPipe(hwm);
    }

    /** A CONFLATE pipe: it holds only the latest message written; writes never wait. */
    public static Pipe conflating() {
        return new ConflatingPipe();
    }

    /**
     * A pipe that keeps {@code hwm} messages in memory and spills up to {@code swapBytes} more to a file in
     * {@code directory}, fed back in order as the reader drains the pipe (ZeroMQ 2's SWAP).
     */
    public static Pipe swapping(int hwm, long swapBytes, Path directory) {
        return new SwappingPipe(hwm, swapBytes, directory);
    }

    /**
     * Sets what runs (on the writer's thread) when a message arrives for a reader that found the pipe empty;
     * {@code null} for nothing.
     */
    public void onReadable(@Nullable Runnable wake) {
        this.readerWake = wake == null ? NOTHING : wake;
    }

    /** Sets what runs (on the reader's thread) when a writer refused at the HWM may write again; {@code null}: none. */
    public void onWritable(@Nullable Runnable wake) {
        this.writerWake = wake == null ? NOTHING : wake;
    }

    // ---------------------------------------------------------------- writer

    /**
     * Whether the HWM leaves room for one more message now (writer's view). The reader's count is re-read only when
     * the writer's cached copy says full, so a streaming writer does not pull the reader's cache line per message.
     */
    public final boolean hasRoom() {
        if (hwm == 0 || written.plain() - readSeenByWriter < hwm) {
            return true;
        }
        readSeenByWriter = read.acquire();
        return written.plain() - readSeenByWriter < hwm;
    }

    /**
     * Queues {@code message} unless the pipe is at its HWM. Writer only.
     *
     * @return {@code false} when full: the writer will be woken through {@link #onWritable} once there is room
     */
    public final boolean offer(ZmqMessage message) {
        if (!offerQuietly(message)) {
            return false;
        }
        wakeReader();
        return true;
    }

    /**
     * As {@link #offer}, but leaves waking the reader to a later {@link #wakeReader()}: a writer queueing a batch
     * (an I/O thread decoding one read) pays for the wake-up check once per batch, not per message. Writer only.
     */
    public boolean offerQuietly(ZmqMessage message) {
        if (!roomOrWaiting()) {
            return false;
        }
        append(message);
        return true;
    }

    /**
     * As {@link #offerQuietly(ZmqMessage)} for a single-frame message of {@code body} received with
     * {@code properties} (an engine's delivery). Writer only.
     */
    public boolean offerQuietly(byte[] body, Map<String, String> properties) {
        return offerQuietly(ZmqMessage.received(body, properties));
    }

    /** Whether the HWM lets one more message in; when not, the reader will wake this writer once there is room. */
    final boolean roomOrWaiting() {
        if (hasRoom()) {
            return true;
        }
        writerWaiting.set(true);
        if (!hasRoom()) {
            return false;
        }
        writerWaiting.set(false);
        return true;
    }

    /** Queues {@code message} whatever the HWM (for control messages that must not be lost). Writer only. */
    public final void force(ZmqMessage message) {
        append(message);
        wakeReader();
    }

    /** Queues {@code message} whatever the HWM and counts the write. Writer only. */
    abstract void append(ZmqMessage message);

    /** Counts one message written, publishing it to the reader. Writer only. */
    final void countWrite() {
        written.publish(written.plain() + 1);
    }

    /** Wakes the reader if it found the pipe empty and messages were queued since. Writer only. */
    public final void wakeReader() {
        // the reader sets its flag, then looks at the queue; we published, then look at the flag: a full fence
        // keeps one of the two from missing the other
        VarHandle.fullFence();
        wakeReaderEarly();
    }

    /**
     * {@link #wakeReader()} for each of {@code pipes}, which the calling thread writes, with one fence for all: a
     * sender that queued one message to many pipes (PUB) pays for the wake-up checks once.
     */
    public static void wakeReaders(List<Pipe> pipes) {
        if (!pipes.isEmpty()) {
            VarHandle.fullFence();
            for (int i = 0, n = pipes.size(); i < n; i++) {
                pipes.get(i).wakeReaderEarly();
            }
        }
    }

    /**
     * As {@link #wakeReader()} without its fence: wakes the reader only if its request to be woken is visible already.
     * For a writer in the middle of a batch that calls {@link #wakeReader()} at its end anyway: a sleeping reader
     * starts early, and the fence is paid once per batch. Writer only.
     *
     * @return whether the reader was woken (it then sees every message queued before this call)
     */
    public final boolean wakeReaderEarly() {
        if (readerWaiting.getPlain() && readerWaiting.compareAndSet(true, false)) {
            readerWake.run();
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- reader

    /** Takes the oldest message, or {@code null} when empty (and then the next write wakes the reader). Reader only. */
    public final @Nullable ZmqMessage poll() {
        return pollInto(polled) ? polled.take() : null;
    }

    /**
     * Takes the oldest message into {@code into} (a bare one as its body alone, see {@link Received}); {@code false}
     * when empty, and then the next write wakes the reader. Reader only.
     */
    public final boolean pollInto(Received into) {
        if (pollQuietlyInto(into)) {
            return true;
        }
        readerWaiting.set(true);
        return pollQuietlyInto(into);
    }

    /**
     * As {@link #pollInto}, but an empty pipe does not ask the next write to wake the reader: for a reader that keeps
     * looking and calls {@link #armReader()} before it sleeps (an I/O thread between its write rounds), so writers
     * streaming into the pipe meanwhile pay no wake-up. Reader only.
     */
    public final boolean pollQuietlyInto(Received into) {
        if (!take(into)) {
            return false;
        }
        taken();
        return true;
    }

    /** Takes the next message into {@code into}; {@code false} when there is none. Reader only. */
    abstract boolean take(Received into);

    /**
     * Asks the next write to wake the reader, as {@link #poll()} does when it finds the pipe empty. Reader only.
     *
     * @return whether the pipe is still empty (if not, the reader must look again before it sleeps)
     */
    public final boolean armReader() {
        readerWaiting.set(true);
        return isEmpty();
    }

    private void taken() {
        long r = read.plain() + 1;
        read.publish(r);
        if (writerWaiting.getPlain() && written.acquire() - r <= lowWater && writerWaiting.compareAndSet(true, false)) {
            writerWake.run();
        }
    }

    /** Whether no message is queued. Reader only. */
    public abstract boolean isEmpty();

    /** Drops every queued message and returns how many were dropped. Reader only. */
    public final int clear() {
        int n = 0;
        while (poll() != null) {
            n++;
        }
        return n;
    }

    // ---------------------------------------------------------------- any thread

    /** Messages queued now (a snapshot from any thread). */
    public int depth() {
        return (int) Math.max(0, written.acquire() - read.acquire());
    }

    /** Messages written so far (any thread). */
    public final long messagesWritten() {
        return written.acquire();
    }

    /** Messages read so far (any thread). */
    public final long messagesRead() {
        return read.acquire();
    }

    /** Whether this pipe counts its body bytes itself ({@link #inproc}, which no engine serves). */
    public boolean countsTraffic() {
        return false;
    }

    /** Body bytes written so far, when {@link #countsTraffic()} (any thread). */
    public long bytesWritten() {
        return 0;
    }

    /** Body bytes read so far, when {@link #countsTraffic()} (any thread). */
    public long bytesRead() {
        return 0;
    }

    /** Bytes spilled to the swap file and not yet read back (0 without SWAP). Any thread. */
    public long swappedBytes() {
        return 0;
    }

    /** The high-water mark; 0 means unbounded. */
    public final int hwm() {
        return hwm;
    }
}
