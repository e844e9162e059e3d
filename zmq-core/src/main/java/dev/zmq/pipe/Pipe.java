package dev.zmq.pipe;

import dev.zmq.ZmqMessage;

import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A one-way queue of whole messages between a socket and one peer connection, bounded by a high-water mark counted
 * in messages, as libzmq counts it.
 *
 * <p>Thread-safety: one writer thread and one reader thread at a time. Neither side takes a lock or does an atomic
 * read-modify-write per message: each side counts its own messages and publishes the count with a plain release
 * store. The reader is woken (its wake-up callback runs on the writer's thread) only after it found the pipe empty;
 * a writer refused at the HWM is woken once the reader has drained the pipe to half the HWM.
 */
public final class Pipe {

    private static final Runnable NOTHING = () -> { };

    /** Queued (uncounted) before the bare messages of a connection whose properties differ from the last one's. */
    private record PropertiesChange(Map<String, String> properties) {
    }

    /**
     * Messages, or (between a socket and an engine) just the bytes of a bare one ({@link ZmqMessage#bareBody()}), so
     * that a backlog holds no message objects for the garbage collector to copy. Tagged with the running byte count
     * when the pipe counts traffic, so the reader need not touch messages.
     */
    private final SpscQueue<Object> queue;
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
    /** Body bytes written and read, kept only by pipes that count traffic themselves (inproc); else null. */
    private final Counter bytesWritten;
    private final Counter bytesRead;
    private final boolean countsTraffic;
    /** CONFLATE: at most one message, the latest; a write replaces what the reader has not taken. */
    private final AtomicReference<ZmqMessage> latest;
    /** SWAP: where overflow goes beyond the HWM ({@code null} when off), its limit and directory. */
    private final long swapBytes;
    private final Path swapDirectory;
    /** The current swap file; written by the writer, read by the reader. */
    private volatile SwapFile swap;
    /** Writer: messages go to the swap file until the reader has consumed all of it, to keep their order. */
    private boolean swapping;
    /** The properties of bare messages: as the writer last queued them, and as the reader has reached them. */
    private Map<String, String> writerProperties = Map.of();
    private Map<String, String> readerProperties = Map.of();
    private volatile Runnable readerWake = NOTHING;
    private volatile Runnable writerWake = NOTHING;

    /** A pipe holding at most {@code hwm} messages; 0 means unbounded. Its traffic is counted by an engine. */
    public Pipe(int hwm) {
        this(hwm, false);
    }

    /**
     * A pipe holding at most {@code hwm} messages (0 = unbounded); with {@code countsTraffic} it also counts the
     * body bytes passing through, for connections no engine counts (inproc).
     */
    public Pipe(int hwm, boolean countsTraffic) {
        this(hwm, countsTraffic, false);
    }

    private Pipe(int hwm, boolean countsTraffic, boolean conflate) {
        this(hwm, countsTraffic, conflate, 0, null);
    }

    private Pipe(int hwm, boolean countsTraffic, boolean conflate, long swapBytes, Path swapDirectory) {
        if (countsTraffic && (conflate || swapBytes > 0)) {
            throw new IllegalArgumentException("a pipe that counts its traffic neither conflates nor swaps");
        }
        this.queue = new SpscQueue<>(countsTraffic);
        this.bytesWritten = countsTraffic ? new Counter() : null;
        this.bytesRead = countsTraffic ? new Counter() : null;
        this.hwm = conflate ? 0 : hwm;
        this.lowWater = Math.max(0, this.hwm / 2);
        this.countsTraffic = countsTraffic;
        this.latest = conflate ? new AtomicReference<>() : null;
        this.swapBytes = swapBytes;
        this.swapDirectory = swapDirectory;
    }

    /**
     * A pipe that keeps {@code hwm} messages in memory and spills up to {@code swapBytes} more to a file in
     * {@code directory}, fed back in order as the reader drains the pipe (ZeroMQ 2's SWAP).
     */
    public static Pipe swapping(int hwm, long swapBytes, Path directory) {
        return new Pipe(hwm, false, false, swapBytes, directory);
    }

    /** A CONFLATE pipe: it holds only the latest message written; writes never wait. */
    public static Pipe conflating() {
        return new Pipe(0, false, true);
    }

    /** Sets what runs (on the writer's thread) when a message arrives for a reader that found the pipe empty. */
    public void onReadable(Runnable wake) {
        this.readerWake = wake == null ? NOTHING : wake;
    }

    /** Sets what runs (on the reader's thread) when a writer refused at the HWM may write again. */
    public void onWritable(Runnable wake) {
        this.writerWake = wake == null ? NOTHING : wake;
    }

    /**
     * Whether the HWM leaves room for one more message now (writer's view). The reader's count is re-read only when
     * the writer's cached copy says full, so a streaming writer does not pull the reader's cache line per message.
     */
    public boolean hasRoom() {
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
    public boolean offer(ZmqMessage message) {
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
        if (swapBytes > 0 && (swapping || !hasRoom())) {
            if (offerToSwap(message)) {
                return true;
            }
        }
        if (!roomOrWaiting()) {
            return false;
        }
        append(message);
        return true;
    }

    /**
     * As {@link #offerQuietly(ZmqMessage)} for a single-frame message of {@code body} received with
     * {@code properties} (an engine's delivery): queued as the bytes alone, so the writer makes no message object,
     * and {@link #asMessage} gives it those properties. Writer only.
     */
    public boolean offerQuietly(byte[] body, Map<String, String> properties) {
        if (latest != null || swapBytes > 0 || countsTraffic) {
            return offerQuietly(ZmqMessage.received(body, properties));
        }
        if (!roomOrWaiting()) {
            return false;
        }
        if (properties != writerProperties) {
            queue.offer(new PropertiesChange(properties));
            writerProperties = properties;
        }
        queue.offer(body);
        written.publish(written.plain() + 1);
        return true;
    }

    /** Whether the HWM lets one more message in; when not, the reader will wake this writer once there is room. */
    private boolean roomOrWaiting() {
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
    public void force(ZmqMessage message) {
        append(message);
        wakeReader();
    }

    /** Writer: spills {@code message} (or, once the file is drained and there is room, stops spilling). */
    private boolean offerToSwap(ZmqMessage message) {
        SwapFile s = swap;
        if (swapping && s.drained() && hasRoom()) {
            swapping = false;
            swap = null;
            s.retire();
            return false;
        }
        if (s == null) {
            s = new SwapFile(swapDirectory, swapBytes);
            swap = s;
        }
        if (!s.append(message)) {
            return false;
        }
        swapping = true;
        written.publish(written.plain() + 1);
        return true;
    }

    private void append(ZmqMessage message) {
        if (latest != null) {
            latest.set(message);
            written.publish(written.plain() + 1);
            return;
        }
        if (countsTraffic) {
            // a pipe that counts its own traffic joins two sockets (inproc): the message object goes across as it
            // is, where stripping it to its bytes would only make the reader build another
            long bytes = bytesWritten.plain() + message.byteSize();
            queue.offer(message, bytes);
            bytesWritten.publish(bytes);
        } else {
            byte[] bare = message.bareBody();
            queue.offer(bare != null ? bare : message);
        }
        written.publish(written.plain() + 1);
    }

    /** Wakes the reader if it found the pipe empty and messages were queued since. Writer only. */
    public void wakeReader() {
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
    public boolean wakeReaderEarly() {
        if (readerWaiting.getPlain() && readerWaiting.compareAndSet(true, false)) {
            readerWake.run();
            return true;
        }
        return false;
    }

    /** Takes the oldest message, or {@code null} when empty (and then the next write wakes the reader). Reader only. */
    public ZmqMessage poll() {
        return asMessage(pollBare());
    }

    /**
     * As {@link #poll()}, but a bare message comes as its bytes alone ({@code byte[]}): for a reader that wants just
     * the bytes ({@code ZmqSocket.recvBytes}), or makes the message later with {@link #asMessage}. Reader only.
     */
    public Object pollBare() {
        Object e = pollQuietlyBare();
        if (e != null) {
            return e;
        }
        readerWaiting.set(true);
        return pollQuietlyBare();
    }

    /**
     * As {@link #pollBare()}, but an empty pipe does not ask the next write to wake the reader: for a reader that
     * keeps looking and calls {@link #armReader()} before it sleeps (an I/O thread between its write rounds), so
     * writers streaming into the pipe meanwhile pay no wake-up. A bare message ({@link ZmqMessage#bareBody()}) comes
     * as its bytes alone, so an engine that only encodes it makes no message object on its way out. Reader only.
     *
     * @return the body ({@code byte[]}) of a bare message, a {@link ZmqMessage}, or {@code null} when empty
     */
    public Object pollQuietlyBare() {
        Object e = take();
        if (e != null) {
            taken();
        }
        return e;
    }

    /**
     * Asks the next write to wake the reader, as {@link #poll()} does when it finds the pipe empty. Reader only.
     *
     * @return whether the pipe is still empty (if not, the reader must look again before it sleeps)
     */
    public boolean armReader() {
        readerWaiting.set(true);
        return isEmpty();
    }

    private void taken() {
        if (countsTraffic) {
            // the running count the writer stored with the message: no need to touch the message here
            bytesRead.publish(queue.lastTag());
        }
        long r = read.plain() + 1;
        read.publish(r);
        if (writerWaiting.getPlain() && written.acquire() - r <= lowWater && writerWaiting.compareAndSet(true, false)) {
            writerWake.run();
        }
    }

    /** The next element: a message, the body of a bare one, or {@code null}. */
    private Object take() {
        if (latest != null) {
            return latest.getAndSet(null);
        }
        Object e = queue.poll();
        while (e instanceof PropertiesChange change) {
            readerProperties = change.properties();
            e = queue.poll();
        }
        if (e == null) {
            SwapFile s = swap;
            if (s != null) {
                e = s.read();
            }
        }
        return e;
    }

    /**
     * The message an element just taken by {@link #pollBare()} or {@link #pollQuietlyBare()} stands for, a bare one
     * with the properties of the connection it came through; {@code null} for {@code null}. Reader only.
     */
    public ZmqMessage asMessage(Object element) {
        return element instanceof byte[] bare ? ZmqMessage.received(bare, readerProperties) : (ZmqMessage) element;
    }

    /** Whether no message is queued (in memory or swapped). Reader only. */
    public boolean isEmpty() {
        if (latest != null) {
            return latest.get() == null;
        }
        SwapFile s = swap;
        return queue.isEmpty() && (s == null || s.unread() == 0);
    }

    /** Messages queued now (a snapshot from any thread). */
    public int depth() {
        if (latest != null) {
            return latest.get() == null ? 0 : 1;
        }
        return (int) Math.max(0, written.acquire() - read.acquire());
    }

    /** Whether this pipe counts its own traffic (see {@link #Pipe(int, boolean)}). */
    public boolean countsTraffic() {
        return countsTraffic;
    }

    /** Messages written so far (any thread). */
    public long messagesWritten() {
        return written.acquire();
    }

    /** Messages read so far (any thread). */
    public long messagesRead() {
        return read.acquire();
    }

    /** Body bytes written so far, when {@link #countsTraffic()} (any thread). */
    public long bytesWritten() {
        return countsTraffic ? bytesWritten.acquire() : 0;
    }

    /** Body bytes read so far, when {@link #countsTraffic()} (any thread). */
    public long bytesRead() {
        return countsTraffic ? bytesRead.acquire() : 0;
    }

    /** Bytes spilled to the swap file and not yet read back (0 without SWAP). Any thread. */
    public long swappedBytes() {
        SwapFile s = swap;
        return s == null ? 0 : s.unread();
    }

    /** The high-water mark; 0 means unbounded. */
    public int hwm() {
        return hwm;
    }

    /** Drops every queued message and returns how many were dropped. Reader only. */
    public int clear() {
        int n = 0;
        while (poll() != null) {
            n++;
        }
        return n;
    }
}
