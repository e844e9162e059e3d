package dev.zmq;

import java.util.Arrays;

/**
 * A set of option values: a socket's live set, or the snapshot a connection takes when it starts.
 *
 * <p>Not thread-safe for writing; a snapshot made with {@link #snapshot()} is never written and may be read from
 * any thread.
 */
public final class SocketOptions {

    private final Object[] values;

    /** An empty set: every option has its default. */
    public SocketOptions() {
        this.values = new Object[SocketOption.all().size()];
    }

    private SocketOptions(Object[] values) {
        this.values = values;
    }

    /** The value of {@code option}, or its default when unset. */
    public <T> T get(SocketOption<T> option) {
        Object v = option.index() < values.length ? values[option.index()] : null;
        @SuppressWarnings("unchecked")
        T typed = v == null ? option.defaultValue() : (T) v;
        return typed instanceof byte[] b ? castBytes(b) : typed;
    }

    @SuppressWarnings("unchecked")
    private static <T> T castBytes(byte[] b) {
        return (T) b.clone();
    }

    /** Sets {@code option}; throws {@link ZmqException} (EINVAL) for a value the option does not accept. */
    public <T> SocketOptions set(SocketOption<T> option, T value) {
        values[option.index()] = option.check(value);
        return this;
    }

    /** A copy that later changes to this set do not affect. */
    public SocketOptions snapshot() {
        return new SocketOptions(Arrays.copyOf(values, values.length));
    }
}
