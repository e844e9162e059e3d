package dev.zmq.io;

import dev.zmq.Frame;
import dev.zmq.ZmqMessage;
import dev.zmq.wire.Command;
import dev.zmq.wire.FrameDecoder;
import dev.zmq.wire.FrameFlags;
import dev.zmq.wire.Greeting;
import dev.zmq.wire.ProtocolException;
import dev.zmq.wire.WireFrame;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The receiving half of a {@link StreamEngine}: reads into its I/O thread's buffer, decodes every whole frame there,
 * and queues messages for the socket. Between two reads a connection keeps only what it could not decode yet (part of
 * a greeting, the body of a frame so far, or what a full pipe left unread), never a buffer of its own. At the inbound
 * pipe's HWM it stops reading until the socket has made room.
 *
 * <p>Not thread-safe: runs on the engine's I/O thread only.
 */
final class Inbound {

    /**
     * Messages delivered between two wake-up checks of the socket within one read: a reader that drains faster than
     * the I/O thread decodes parks and is unparked at most once per this many, not once per few.
     */
    private static final int WAKE_EVERY = 1024;

    private final StreamEngine engine;
    private final SocketChannel channel;
    private final FrameDecoder decoder;
    private final FrameDecoder.FrameSink frameSink = this::onFrame;
    /** Bytes read but not decoded yet; {@code null} when everything read was decoded. */
    private byte @Nullable [] remainder;
    /** Frames so far of the multipart message being decoded ({@code null} until the first one). */
    private @Nullable List<Frame> partial;
    /** Body bytes of {@link #partial}. */
    private long partialBytes;
    /** A message the full pipe refused: reading waits until the socket makes room. */
    private @Nullable ZmqMessage pending;
    private long pendingBytes;
    /** What {@link ZmqMessage#property} answers for this connection's messages. */
    private Map<String, String> properties = Map.of();
    /** Messages queued for the socket in this read (woken early on the first and every WAKE_EVERY; at the end). */
    private int unwokenDeliveries;
    /** Whether the socket was woken after the last message of this read was queued (no wake-up owed at its end). */
    private boolean wokenAfterLast;
    private long batchMessages;
    private long batchBytes;

    Inbound(StreamEngine engine, SocketChannel channel, FrameDecoder decoder) {
        this.engine = engine;
        this.channel = channel;
        this.decoder = decoder;
    }

    /** From the handshake on, received messages carry {@code messageProperties}. */
    void activate(Map<String, String> messageProperties) {
        properties = messageProperties;
    }

    /** Reads what the channel has and decodes it. */
    void read() {
        ByteBuffer in = engine.io().readBuffer();
        in.clear();
        if (remainder != null) {
            in.put(remainder);
            remainder = null;
        }
        int n;
        try {
            n = channel.read(in);
        } catch (IOException e) {
            engine.close(CloseReason.of(CloseReason.Kind.IO_ERROR, "connection error: " + e.getMessage()));
            return;
        }
        if (n < 0) {
            engine.close(CloseReason.of(CloseReason.Kind.PEER_CLOSED, "peer closed the connection"));
            return;
        }
        engine.trafficSeen();
        process(in);
    }

    /** Delivers the message a full pipe refused, then what was read after it; reading resumes when all went. */
    void resume() {
        if (!engine.isActive() || pending == null || !deliver(pending, pendingBytes)) {
            return;
        }
        pending = null;
        if (remainder != null) {
            ByteBuffer in = engine.io().readBuffer();
            in.clear();
            in.put(remainder);
            remainder = null;
            process(in);
        }
        if (pending == null && engine.isActive()) {
            engine.setInterest(SelectionKey.OP_READ, true);
        }
    }

    /** Decodes what {@code in} holds (fill mode); keeps what could not be decoded yet. */
    private void process(ByteBuffer in) {
        in.flip();
        try {
            while (in.hasRemaining() && pending == null && engine.isReading()) {
                if (engine.awaitsGreeting()) {
                    if (in.remaining() < Greeting.SIZE) {
                        break;
                    }
                    engine.onGreeting(Greeting.decode(in));
                } else if (!decoder.decode(in, frameSink)) {
                    break;
                }
            }
        } catch (ProtocolException e) {
            engine.close(CloseReason.of(e));
        }
        if (in.hasRemaining() && engine.isReading()) {
            remainder = new byte[in.remaining()];
            in.get(remainder);
        }
        if (unwokenDeliveries > 0 && !wokenAfterLast) {
            engine.peer().in().wakeReader();
        }
        unwokenDeliveries = 0;
        if (batchMessages > 0) {
            engine.countReceived(batchMessages, batchBytes);
            batchMessages = 0;
            batchBytes = 0;
        }
    }

    private boolean onFrame(int flags, byte[] body) {
        if (engine.isActive() && engine.mechanism().encrypts()) {
            return onSealedFrame(Command.parse(body));
        }
        if ((flags & FrameFlags.COMMAND) != 0) {
            engine.onCommand(Command.parse(body));
            return engine.isReading() && pending == null;
        }
        if (!engine.isActive()) {
            throw new ProtocolException("message frame received before the handshake completed");
        }
        return onMessageFrame((flags & FrameFlags.MORE) != 0, body);
    }

    /** A frame of an encrypting connection: a sealed MESSAGE (in a data or command frame), or a plain ERROR. */
    private boolean onSealedFrame(Command c) {
        if (c.is(Command.ERROR)) {
            engine.onCommand(c);
            return false;
        }
        WireFrame inner = engine.mechanism().open(c);
        if (inner.isCommand()) {
            engine.onCommand(Command.parse(inner.body()));
            return engine.isReading() && pending == null;
        }
        return onMessageFrame(inner.more(), inner.body());
    }

    private boolean onMessageFrame(boolean more, byte[] body) {
        if (!more && (partial == null || partial.isEmpty())) {
            // the common single-frame message: no list, and no message object until the socket takes it
            if (engine.peer().in().offerQuietly(body, properties)) {
                delivered(body.length);
                return true;
            }
            return holdBack(ZmqMessage.received(body, properties), body.length);
        }
        if (partial == null) {
            partial = new ArrayList<>(4);
        }
        partialBytes += body.length;
        partial.add(Frame.wrap(body));
        if (more) {
            return true;
        }
        ZmqMessage message = ZmqMessage.received(partial, properties);
        partial.clear();
        long bytes = partialBytes;
        partialBytes = 0;
        return deliver(message, bytes);
    }

    /** Queues {@code message} ({@code bytes} of bodies) for the socket, or holds it back when the pipe is full. */
    boolean deliver(ZmqMessage message, long bytes) {
        if (engine.peer().in().offerQuietly(message)) {
            delivered(bytes);
            return true;
        }
        return holdBack(message, bytes);
    }

    /** Counts a message queued for the socket, and wakes a sleeping socket early in a read. */
    private void delivered(long bytes) {
        // a socket already asleep is woken on the first message of a read and every WAKE_EVERY after, so it
        // starts at once; the full wake-up check, with its fence, comes once, at the end of the read
        // (a socket woken for the last message queued needs no second wake-up at the end, which would find it asleep
        // again after it took that message, and wake it for nothing)
        wokenAfterLast = unwokenDeliveries++ % WAKE_EVERY == 0 && engine.peer().in().wakeReaderEarly();
        batchMessages++;
        batchBytes += bytes;
    }

    /** Keeps a message the full pipe refused and stops reading until the socket makes room. */
    private boolean holdBack(ZmqMessage message, long bytes) {
        pending = message;
        pendingBytes = bytes;
        engine.setInterest(SelectionKey.OP_READ, false);
        return false;
    }
}
