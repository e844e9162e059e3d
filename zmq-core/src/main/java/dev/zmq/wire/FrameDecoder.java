package dev.zmq.wire;

import java.nio.ByteBuffer;

/**
 * Incremental ZMTP frame decoder: feed it bytes in any split (one at a time included) and it hands out the same
 * whole frames.
 *
 * <p>Not thread-safe: one decoder belongs to one connection's I/O thread. {@link #decode} throws
 * {@link ProtocolException} for reserved flag bits, a command with MORE, or a size that is negative, beyond what a
 * Java array can hold, or beyond the configured maximum; it never allocates a body before checking its size.
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

    private final long maxFrameSize;
    private int flags = -1;
    private int sizeBytesWanted;
    private long size;
    private byte[] body;
    private int bodyFilled;

    /** A decoder that rejects frames larger than {@code maxFrameSize} bytes (negative: only the array limit). */
    public FrameDecoder(long maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    /**
     * Decodes frames from {@code in} until it is empty or the sink asks to stop.
     *
     * @return {@code false} when the sink asked to stop, {@code true} when the input ran out
     */
    public boolean decode(ByteBuffer in, FrameSink sink) {
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
            int n = Math.min(in.remaining(), body.length - bodyFilled);
            in.get(body, bodyFilled, n);
            bodyFilled += n;
            if (bodyFilled == body.length && !deliver(sink)) {
                return false;
            }
        }
        return body == null || bodyFilled != body.length || deliver(sink);
    }

    /** Whether the decoder is between frames (no partial frame buffered). */
    public boolean isIdle() {
        return flags < 0;
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
        body = new byte[(int) size];
        bodyFilled = 0;
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
            throw new ProtocolException("frame of " + frameSize + " bytes exceeds MAXMSGSIZE " + maxFrameSize);
        }
        if (frameSize < 0 || frameSize > ARRAY_LIMIT) {
            throw new ProtocolException("frame size " + Long.toUnsignedString(frameSize) + " is out of range");
        }
    }

    private boolean deliver(FrameSink sink) {
        byte[] b = body;
        int f = flags & (FrameFlags.MORE | FrameFlags.COMMAND);
        body = null;
        flags = -1;
        return sink.onFrame(f, b);
    }
}
