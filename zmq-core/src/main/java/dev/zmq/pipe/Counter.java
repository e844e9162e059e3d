package dev.zmq.pipe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A count that one thread advances and others read, alone on its cache lines (padded on both sides), so a producer
 * publishing per message does not slow a consumer that publishes its own count next to it (false sharing).
 *
 * <p>Thread-safety: one writer at a time ({@link #plain()}, {@link #set(long)}, {@link #publish(long)}); any thread may
 * {@link #acquire()}.
 */
final class Counter {

    /** Index of the value: two 64-byte cache lines of longs before it and after it. */
    private static final int AT = 16;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] padded = new long[2 * AT + 1];

    /** The value as the writer last set it; writer only. */
    long plain() {
        return padded[AT];
    }

    /** Sets the value for the writer alone (no other thread reads it). */
    void set(long value) {
        padded[AT] = value;
    }

    /** Sets the value with release semantics: what the writer did before is visible to whoever acquires it. */
    void publish(long value) {
        SLOT.setRelease(padded, AT, value);
    }

    /** The value, with acquire semantics; any thread. */
    long acquire() {
        return (long) SLOT.getAcquire(padded, AT);
    }
}
