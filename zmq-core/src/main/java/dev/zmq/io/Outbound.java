package dev.zmq.io;

import dev.zmq.Frame;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Received;
import dev.zmq.security.Mechanism;
import dev.zmq.wire.Command;
import dev.zmq.wire.FrameFlags;
import dev.zmq.wire.Greeting;
import dev.zmq.wire.MessageEncoder;
import dev.zmq.wire.Subscription;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The sending half of a {@link StreamEngine}: commands, the preamble and the peer's outbound pipe are encoded into an
 * output buffer and written with as few syscalls as possible. The buffer is borrowed from the I/O thread's pool while
 * there are bytes to write and given back when everything is written, so an idle connection holds none.
 *
 * <p>Thread-safety: everything runs under {@link #lock}: on the I/O thread, and on an application thread writing to
 * an idle connection itself ({@link ConnectionConfig#writesDirectly()}); {@link #scheduleWrite()} may be called
 * from any thread.
 */
final class Outbound {

    /** Buffers written in one go before other connections on the I/O thread get their turn. */
    private static final int MAX_WRITE_ROUNDS = 16;
    /**
     * A connection that wrote nothing for this long is idle: the sending thread writes the next message itself
     * instead of waking the I/O thread for it, which saves a thread hand-off on a link that is quiet most of the
     * time; a stream arrives faster than this and stays batched on the I/O thread.
     */
    private static final long IDLE_NANOS = 100_000;

    private final StreamEngine engine;
    private final SocketChannel channel;
    private final BufferPool buffers;
    private final Mechanism mechanism;
    private final MessageEncoder encoder = new MessageEncoder();
    private final ArrayDeque<Command> commands = new ArrayDeque<>(4);
    private final ArrayDeque<ZmqMessage> preamble = new ArrayDeque<>(4);
    /** The message {@link #beginNext()} takes, cleared once its encoding starts (an idle connection holds none). */
    private final Received next = new Received();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();
    private final Runnable writeTask;
    /** The borrowed output buffer (fill mode), or {@code null} while nothing is waiting to be written. */
    private @Nullable ByteBuffer out;
    private boolean sendSubscriptionCommands;
    /** The subscription command names, set by {@link #activate} with {@link #sendSubscriptionCommands}. */
    private String subscribeCommand = "";
    private String cancelCommand = "";
    private volatile boolean lingering;
    /** When bytes were last written; read by sending threads deciding whether the connection is idle. */
    private volatile long lastWriteNanos;
    private long batchMessages;
    private long batchBytes;

    Outbound(StreamEngine engine, SocketChannel channel, BufferPool buffers, Mechanism mechanism) {
        this.engine = engine;
        this.channel = channel;
        this.buffers = buffers;
        this.mechanism = mechanism;
        this.writeTask = engine.guarded(this::writeTaskRun);
    }

    /** Queues our greeting; it goes out with the next flush. */
    void greet(Greeting ours) {
        lock.lock();
        try {
            ours.encode(borrow());
        } finally {
            lock.unlock();
        }
    }

    /**
     * From the handshake on: {@code preamble} goes out before anything queued, and subscriptions travel as the
     * commands {@code subscribe}/{@code cancel} when {@code asCommands}.
     */
    void activate(List<ZmqMessage> first, boolean asCommands, String subscribe, String cancel) {
        lock.lock();
        try {
            preamble.addAll(first);
            sendSubscriptionCommands = asCommands;
            subscribeCommand = subscribe;
            cancelCommand = cancel;
        } finally {
            lock.unlock();
        }
    }

    /** Queues a command as it is (handshake commands, ERROR). */
    void queueRaw(Command c) {
        lock.lock();
        try {
            commands.add(c);
        } finally {
            lock.unlock();
        }
    }

    /** Queues a command after the handshake: sealed in a MESSAGE when the mechanism encrypts. */
    void queue(Command c) {
        queueRaw(mechanism.encrypts() ? mechanism.seal(FrameFlags.COMMAND, c.toBody()) : c);
    }

    /** Asks the I/O thread to write queued messages; safe from any thread, cheap when already asked. */
    void scheduleWrite() {
        if (writeScheduled.compareAndSet(false, true)) {
            engine.io().execute(writeTask);
        }
    }

    /** Finish writing what is queued, then tell the owner (socket close with linger). */
    void linger() {
        lingering = true;
        flush();
    }

    private void writeTaskRun() {
        writeScheduled.set(false);
        flush();
    }

    /** Writes what is queued until done, blocked by a full socket buffer, or out of this turn's rounds. */
    void flush() {
        lock.lock();
        try {
            flushLocked();
        } finally {
            lock.unlock();
        }
    }

    private void flushLocked() {
        for (int round = 0; engine.isOpen(); round++) {
            if (round == MAX_WRITE_ROUNDS) {
                scheduleWrite();
                return;
            }
            ByteBuffer buffer = borrow();
            fill(buffer);
            ByteBuffer large = encoder.largeBody();
            if (buffer.position() == 0 && large == null) {
                if (engine.isActive() && !encoder.busy() && !engine.peer().out().armReader()) {
                    continue;
                }
                publishSent();
                giveBack();
                engine.setInterest(SelectionKey.OP_WRITE, false);
                afterDrained();
                return;
            }
            boolean blocked;
            try {
                blocked = !write(buffer, large);
            } catch (IOException e) {
                engine.close(CloseReason.of(CloseReason.Kind.IO_ERROR, "connection error: " + e.getMessage()));
                return;
            }
            if (blocked) {
                publishSent();
                engine.setInterest(SelectionKey.OP_WRITE, true);
                return;
            }
        }
    }

    private void afterDrained() {
        if (lingering && engine.isActive() && !encoder.busy() && engine.peer().out().isEmpty()
                && preamble.isEmpty()) {
            engine.drained();
        } else {
            engine.outboundDrained();
        }
    }

    /**
     * Writes {@link #out} (borrowed: {@code out}) and then {@code large} (the encoder's pending large body, or
     * {@code null}) once.
     *
     * @return whether everything was written; {@code false} when the socket buffer is full
     * @throws IOException when the connection failed; what was not written stays in {@link #out}
     */
    private boolean write(ByteBuffer out, @Nullable ByteBuffer large) throws IOException {
        out.flip();
        try {
            if (large == null) {
                channel.write(out);
            } else {
                channel.write(new ByteBuffer[] {out, large});
            }
        } finally {
            out.compact();
            lastWriteNanos = System.nanoTime();
        }
        if (out.position() > 0 || (large != null && large.hasRemaining())) {
            return false;
        }
        if (large != null) {
            encoder.largeBodyWritten();
        }
        return true;
    }

    /**
     * The outbound pipe's wake-up on the sending thread: write now if the connection is idle (for REQ and REP, whose
     * strict request-reply never streams, whenever nothing is pending; for the others, after {@link #IDLE_NANOS}
     * without a write), else leave it to the I/O thread.
     */
    void writeDirectlyOrSchedule(boolean always) {
        if (!(always || System.nanoTime() - lastWriteNanos >= IDLE_NANOS) || !writeDirectly()) {
            scheduleWrite();
        }
    }

    /**
     * Application thread: encodes what the outbound pipe holds and writes it, when the connection has nothing else
     * pending (no command, nothing unwritten, not closing) and the I/O thread is not writing.
     *
     * @return {@code false} when it did not write, or left something for the I/O thread (the socket buffer was full,
     *     the write failed, a message arrived meanwhile): the caller then wakes the I/O thread, which finishes the
     *     job (or meets the error and closes the connection) as for any queued message
     */
    private boolean writeDirectly() {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            if (!engine.isActive() || lingering || out != null || encoder.busy() || encoder.largeBody() != null
                    || !commands.isEmpty() || !preamble.isEmpty()) {
                return false;
            }
            ByteBuffer buffer = borrow();
            fill(buffer);
            boolean written = write(buffer, encoder.largeBody()) && !encoder.busy();
            publishSent();
            if (buffer.position() == 0 && encoder.largeBody() == null) {
                giveBack();
            }
            return written && engine.peer().out().armReader();
        } catch (IOException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Encodes commands, then queued messages, into {@code out} (the borrowed buffer) until full or none is left. */
    private void fill(ByteBuffer out) {
        while (encoder.largeBody() == null) {
            if (!encoder.busy()) {
                Command c = commands.peek();
                if (c != null && c.is(Command.MESSAGE)) {
                    // a sealed command (CURVE): it travels as a data frame, as libzmq sends it
                    commands.poll();
                    encoder.begin(ZmqMessage.of(Frame.wrap(c.toBody())));
                    continue;
                }
                if (c != null) {
                    if (out.remaining() < c.frameSize()) {
                        return;
                    }
                    c.encode(out);
                    commands.poll();
                    continue;
                }
                if (!engine.isActive() || out.remaining() < FrameFlags.MAX_HEADER || !beginNext()) {
                    return;
                }
                continue;
            }
            if (!encoder.encode(out)) {
                return;
            }
        }
    }

    /**
     * Takes the next outgoing message (the preamble's first) and starts encoding it, a bare one straight from its
     * bytes; a subscription to a peer that wants commands becomes one. {@code false} when nothing is queued.
     */
    private boolean beginNext() {
        if (!preamble.isEmpty()) {
            next.whole(preamble.poll());
        } else if (!engine.peer().out().pollQuietlyInto(next)) {
            return false;
        }
        byte[] body = next.bareBody();
        if (body != null && !mechanism.encrypts() && !sendSubscriptionCommands) {
            next.clear();
            batchMessages++;
            batchBytes += body.length;
            encoder.begin(body);
            return true;
        }
        ZmqMessage m = Objects.requireNonNull(next.take(), "a whole message was taken");
        Subscription subscription = sendSubscriptionCommands ? Subscription.parse(m) : null;
        if (subscription != null) {
            queue(subscription.toCommand(subscribeCommand, cancelCommand));
            return true;
        }
        batchMessages++;
        batchBytes += m.byteSize();
        encoder.begin(mechanism.encrypts() ? sealed(m) : m);
        return true;
    }

    /**
     * Each frame of {@code m} sealed in a MESSAGE command (CURVE). As libzmq does, the sealed commands travel as data
     * frames, with the MORE flag of the frames they carry.
     */
    private ZmqMessage sealed(ZmqMessage m) {
        List<Frame> frames = new ArrayList<>(m.size());
        for (int i = 0; i < m.size(); i++) {
            int flags = i + 1 < m.size() ? FrameFlags.MORE : 0;
            frames.add(Frame.wrap(mechanism.seal(flags, m.frame(i).data()).toBody()));
        }
        return ZmqMessage.of(frames);
    }


    /** Adds this flush's counts to the peer's and the socket's counters: one update per flush, not per message. */
    private void publishSent() {
        if (batchMessages > 0) {
            engine.countSent(batchMessages, batchBytes);
            batchMessages = 0;
            batchBytes = 0;
        }
    }

    /** The output buffer, borrowed from the pool if none is held. */
    private ByteBuffer borrow() {
        ByteBuffer b = out;
        if (b == null) {
            b = buffers.take();
            out = b;
        }
        return b;
    }

    private void giveBack() {
        if (out != null) {
            buffers.give(out);
            out = null;
        }
    }

    /** Gives the buffer back for good: the connection is closed (the lock waits for a direct write in progress). */
    void release() {
        lock.lock();
        try {
            giveBack();
        } finally {
            lock.unlock();
        }
    }
}
