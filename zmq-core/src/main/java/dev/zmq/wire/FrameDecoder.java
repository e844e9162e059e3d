package dev.zmq.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Incremental ZMTP frame decoder: feed it bytes in any split (one at a time included) and it hands out the same
 * whole frames.
 *
 * <p>What a frame costs is what its peer sent: a frame wholly in the buffer is copied out in one step, and the body
 * of a frame that arrives in pieces grows with its bytes (to twice what has arrived, or to as much as the peer has
 * sent on this connection before, never to the size the header merely claims), so a header claiming 2 GB followed
 * by two bytes on a new connection costs a few hundred bytes, while a peer that has streamed megabytes gets its
 * large frames' bodies in one allocation.
 *
 * <p>Not thread-safe: one decoder belongs to one connection's I/O thread. {@link #decode} throws
 * {@link ProtocolException} for reserved flag bits, a command with MORE, or a size that is negative, beyond what a
 * Java array can hold, or beyond the current {@linkplain #limit limit}.
 */
public final class FrameDecoder {

    /** Receives decoded frames. */
    @FunctionalInterface
    public interface FrameSink {
        /**
         * One whole frame.
         *
         * @param flags the frame's flags (MORE, COMMAND)
         * @param body  the body; owned by the sink from now on
         * @return {@code true} to continue decoding, {@code false} to stop after this frame
         */
        boolean onFrame(int flags, byte[] body);
    }

    private static final long ARRAY_LIMIT = Integer.MAX_VALUE - 8;
    /** The first piece of a body that arrives in pieces holds at least this much (or the whole frame). */
    private static final int MIN_PIECE = 256;
    private static final byte[] NO_BYTES = new byte[0];

    private long maxFrameSize;
    private String limitName;
    private int flags = -1;
    private int sizeBytesWanted;
    private long size;
    /** The body so far: {@code bodyFilled} bytes of a frame of {@code size}; grows as bytes arrive. */
    private byte @Nullable [] body;
    private int bodyFilled;
    /** Bytes decoded on this connection so far: how far ahead of its bytes a body may be allocated. */
    private long received;

    /** A decoder that rejects frames larger than {@code maxFrameSize} bytes (negative: only the array limit). */
    public FrameDecoder(long maxFrameSize) {
        limit(maxFrameSize, "MAXMSGSIZE");
    }

    /**
     * Sets the largest frame accepted from now on, named {@code name} in the error (e.g. {@code MAXMSGSIZE}, or the
     * handshake's bound before the peer is authenticated); negative: only the array limit.
     */
    public void limit(long maxFrameSize, String name) {
        this.maxFrameSize = maxFrameSize;
        this.limitName = name;
    }

    /**
     * Decodes frames from {@code in} until it is empty or the sink asks to stop.
     *
     * @return {@code false} when the sink asked to stop, {@code true} when the input ran out
     */
    public boolean decode(ByteBuffer in, FrameSink sink) {
        int start = in.position();
        try {
            return decodeFrames(in, sink);
        } finally {
            received += in.position() - start;
        }
    }

    private boolean decodeFrames(ByteBuffer in, FrameSink sink) {
        while (in.hasRemaining()) {
            if (flags < 0 && in.remaining() >= 2) {
                // fast path: a frame whose header and body are wholly in the buffer goes out in one step
                int p = in.position();
                int f = in.get(p) & 0xFF;
                int header = (f & FrameFlags.LONG) == 0 ? 2 : 9;
                if (in.remaining() >= header) {
                    long n = header == 2 ? in.get(p + 1) & 0xFF : in.getLong(p + 1);
                    if (n >= 0 && in.remaining() - header >= n) {
                        checkFlags(f);
                        checkSize(n);
                        byte[] b = new byte[(int) n];
                        in.position(p + header);
                        in.get(b);
                        if (!sink.onFrame(f & (FrameFlags.MORE | FrameFlags.COMMAND), b)) {
                            return false;
                        }
                        continue;
                    }
                }
            }
            if (flags < 0) {
                startFrame(in.get() & 0xFF);
                continue;
            }
            if (sizeBytesWanted > 0) {
                readSize(in);
                continue;
            }
            int n = (int) Math.min(in.remaining(), size - bodyFilled);
            ensureRoom(n);
            in.get(body, bodyFilled, n);
            bodyFilled += n;
            if (bodyFilled == size && !deliver(sink)) {
                return false;
            }
        }
        return flags < 0 || sizeBytesWanted > 0 || bodyFilled != size || deliver(sink);
    }

    /** Whether the decoder is between frames (no partial frame buffered). */
    public boolean isIdle() {
        return flags < 0;
    }

    /** Bytes held for the frame being decoded (its body so far, with room to grow): what a partial frame costs. */
    public int heldBytes() {
        return body == null ? 0 : body.length;
    }

    private void startFrame(int f) {
        checkFlags(f);
        flags = f;
        size = 0;
        sizeBytesWanted = (f & FrameFlags.LONG) != 0 ? 8 : 1;
    }

    private void readSize(ByteBuffer in) {
        size = (size << 8) | (in.get() & 0xFF);
        if (--sizeBytesWanted > 0) {
            return;
        }
        checkSize(size);
        body = size == 0 ? NO_BYTES : null;
        bodyFilled = 0;
    }

    /**
     * Makes room for {@code n} more body bytes: the whole frame, or twice what has arrived of it, or what the peer
     * sent before, whichever is less.
     */
    private void ensureRoom(int n) {
        int needed = bodyFilled + n;
        if (body != null && body.length >= needed) {
            return;
        }
        int current = body == null ? 0 : body.length;
        long grown = Math.max(Math.max(needed, received), Math.max(MIN_PIECE, 2L * current));
        int capacity = (int) Math.min(size, grown);
        body = body == null ? new byte[capacity] : Arrays.copyOf(body, capacity);
    }

    private static void checkFlags(int f) {
        if ((f & FrameFlags.RESERVED) != 0) {
            throw new ProtocolException(String.format("invalid frame flags 0x%02x: reserved bits set", f));
        }
        if ((f & FrameFlags.COMMAND) != 0 && (f & FrameFlags.MORE) != 0) {
            throw new ProtocolException("a command frame has the MORE flag");
        }
    }

    private void checkSize(long frameSize) {
        if (frameSize >= 0 && maxFrameSize >= 0 && frameSize > maxFrameSize) {
            throw new ProtocolException("frame of " + frameSize + " bytes exceeds " + limitName + " " + maxFrameSize);
        }
        if (frameSize < 0 || frameSize > ARRAY_LIMIT) {
            throw new ProtocolException("frame size " + Long.toUnsignedString(frameSize) + " is out of range");
        }
    }

    private boolean deliver(FrameSink sink) {
        byte[] b = body == null ? NO_BYTES : body;
        int f = flags & (FrameFlags.MORE | FrameFlags.COMMAND);
        body = null;
        flags = -1;
        return sink.onFrame(f, b);
    }
}
