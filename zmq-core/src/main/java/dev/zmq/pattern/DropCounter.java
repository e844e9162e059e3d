package dev.zmq.pattern;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts messages a routing rule dropped: at the HWM (PUB, XPUB, ROUTER, RADIO) or for lack of a route (ROUTER
 * without a peer of that id, multipart messages reaching a single-frame type). SUB and DISH filtering do not count.
 * Thread-safe: the socket's thread adds, any thread reads.
 */
public final class DropCounter {

    private final LongAdder hwm = new LongAdder();
    private final LongAdder noRoute = new LongAdder();

    /** One message dropped for one peer because its pipe was at the HWM. */
    public void droppedAtHwm() {
        hwm.increment();
    }

    /** One message dropped because it had nowhere to go (an unknown routing id, a multipart message for CLIENT...). */
    public void droppedNoRoute() {
        noRoute.increment();
    }

    /** Messages dropped for lack of a route so far. */
    public long noRoute() {
        return noRoute.sum();
    }

    /** Messages dropped at the HWM so far. */
    public long atHwm() {
        return hwm.sum();
    }
}
