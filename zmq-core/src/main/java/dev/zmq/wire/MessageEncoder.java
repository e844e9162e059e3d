package dev.zmq.wire;

import dev.zmq.ZmqMessage;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Encodes whole messages into a connection's output buffer: headers always go straight into the buffer, small bodies
 * are copied after them, and a large body is handed out as its own buffer so the connection can write it with a
 * gathering write instead of copying it.
 *
 * <p>Not thread-safe: one encoder belongs to one connection's I/O thread.
 */
public final class MessageEncoder {

    /** Bodies at least this large are not copied into the output buffer. */
    public static final int COPY_LIMIT = 8 * 1024;

    /** The message being encoded, or {@code null} when it is a single frame given as {@link #single}. */
    private @Nullable ZmqMessage current;
    private byte @Nullable [] single;
    private int frameIndex;
    private @Nullable ByteBuffer largeBody;

    /** Whether a message is partly encoded, so the next call must continue it. */
    public boolean busy() {
        return current != null || single != null;
    }

    /** Starts encoding {@code message}; only when not {@link #busy()}. */
    public void begin(ZmqMessage message) {
        current = message;
        frameIndex = 0;
    }

    /** Starts encoding a single-frame message of {@code body} (no message object needed); only when not busy. */
    public void begin(byte[] body) {
        single = body;
        frameIndex = 0;
    }

    /**
     * Encodes as much of the current message into {@code out} as fits.
     *
     * @return {@code true} when the whole message is encoded (a large body may still be pending in
     *     {@link #largeBody()}), {@code false} when {@code out} ran out of room or a large body must be written first
     */
    public boolean encode(ByteBuffer out) {
        int frames = current != null ? current.size() : 1;
        while (frameIndex < frames) {
            if (largeBody != null) {
                return false;
            }
            byte[] data = current != null ? current.data(frameIndex) : Objects.requireNonNull(single, "busy");
            int size = data.length;
            int flags = frameIndex + 1 < frames ? FrameFlags.MORE : 0;
            boolean large = size >= COPY_LIMIT;
            int needed = FrameFlags.headerSize(size) + (large ? 0 : size);
            if (out.remaining() < needed) {
                return false;
            }
            FrameFlags.writeHeader(out, flags, size);
            if (large) {
                largeBody = ByteBuffer.wrap(data);
            } else {
                out.put(data);
            }
            frameIndex++;
        }
        current = null;
        single = null;
        return true;
    }

    /** A large body to write after what is in the output buffer, or {@code null}. */
    public @Nullable ByteBuffer largeBody() {
        return largeBody;
    }

    /** Called when {@link #largeBody()} has been written completely. */
    public void largeBodyWritten() {
        largeBody = null;
    }
}
