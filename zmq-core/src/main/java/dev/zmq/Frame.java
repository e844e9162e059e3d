package dev.zmq;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One frame of a ZeroMQ message: an immutable run of bytes.
 *
 * <p>Immutable and therefore thread-safe. The array handed to {@link #wrap(byte[])} is not copied: the caller
 * promises not to change it afterwards; {@link #of(byte[])} copies.
 */
public final class Frame {

    /** The empty frame, used as the envelope delimiter by the request-reply sockets. */
    public static final Frame EMPTY = new Frame(new byte[0]);

    private final byte[] data;

    private Frame(byte[] data) {
        this.data = data;
    }

    /** A frame over {@code data} without copying it; the caller must not modify the array afterwards. */
    public static Frame wrap(byte[] data) {
        return data.length == 0 ? EMPTY : new Frame(data);
    }

    /** A frame holding a copy of {@code data}. */
    public static Frame of(byte[] data) {
        return wrap(data.clone());
    }

    /** A frame holding the UTF-8 bytes of {@code text}. */
    public static Frame of(String text) {
        return wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The frame's bytes; the array is shared, do not modify it. */
    public byte[] data() {
        return data;
    }

    /** Number of bytes in the frame. */
    public int size() {
        return data.length;
    }

    /** Whether the frame has no bytes. */
    public boolean isEmpty() {
        return data.length == 0;
    }

    /** Whether the frame starts with {@code prefix} (used by subscription matching). */
    public boolean startsWith(byte[] prefix) {
        return prefix.length <= data.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The frame decoded as UTF-8 text. */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Frame other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Frame[" + data.length + " bytes]";
    }
}
