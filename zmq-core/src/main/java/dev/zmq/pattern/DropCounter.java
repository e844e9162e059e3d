package dev.zmq.pattern;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts messages a routing rule dropped (PUB/XPUB at the HWM, SUB filtering does not count). Thread-safe: the
 * socket's thread adds, any thread reads.
 */
public final class DropCounter {

    private final LongAdder hwm = new LongAdder();

    /** One message dropped for one peer because its pipe was at the HWM. */
    public void droppedAtHwm() {
        hwm.increment();
    }

    /** Messages dropped at the HWM so far. */
    public long atHwm() {
        return hwm.sum();
    }
}
