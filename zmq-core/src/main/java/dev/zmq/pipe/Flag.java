package dev.zmq.pipe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A boolean one thread raises and another takes down (a pipe's "wake me" requests), alone on its cache lines (padded
 * on both sides): raising it, which a reader does whenever it finds its pipe empty, must not evict the lines the
 * writer reads per message (false sharing).
 *
 * <p>Thread-safe: {@link #set} and {@link #compareAndSet} are volatile; {@link #getPlain} is a cheap first look
 * that a compare-and-set confirms.
 */
final class Flag {

    /** Index of the value: 128 bytes of ints before it and after it. */
    private static final int AT = 32;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(int[].class);

    private final int[] padded = new int[2 * AT + 1];

    /** A flag raised or not; published safely through the final array. */
    Flag(boolean raised) {
        padded[AT] = raised ? 1 : 0;
    }

    /** The value without ordering guarantees. */
    boolean getPlain() {
        return padded[AT] != 0;
    }

    /** Sets the value (volatile). */
    void set(boolean raised) {
        SLOT.setVolatile(padded, AT, raised ? 1 : 0);
    }

    /** Sets the value to {@code raised} if it is {@code expected} (volatile); whether it did. */
    boolean compareAndSet(boolean expected, boolean raised) {
        return SLOT.compareAndSet(padded, AT, expected ? 1 : 0, raised ? 1 : 0);
    }
}
