package dev.zmq.wire;

/**
 * The bits of a ZMTP frame's flags byte (RFC 37), and the frame-header encoding. Stateless.
 */
public final class FrameFlags {

    /** More frames of the same message follow. */
    public static final int MORE = 0x01;
    /** The size is 8 bytes, big-endian. */
    public static final int LONG = 0x02;
    /** The frame is a command, not message data. */
    public static final int COMMAND = 0x04;
    /** Bits that must be zero. */
    public static final int RESERVED = 0xF8;
    /** Largest header: flags + 8-byte size. */
    public static final int MAX_HEADER = 9;

    private FrameFlags() {
    }

    /** Writes a frame header for a body of {@code size} bytes with {@code flags} (MORE and/or COMMAND). */
    public static void writeHeader(java.nio.ByteBuffer out, int flags, long size) {
        if (size > 255) {
            out.put((byte) (flags | LONG)).putLong(size);
        } else {
            out.put((byte) flags).put((byte) size);
        }
    }

    /** Header length for a body of {@code size} bytes. */
    public static int headerSize(long size) {
        return size > 255 ? 9 : 2;
    }
}
