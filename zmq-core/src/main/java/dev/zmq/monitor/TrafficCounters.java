package dev.zmq.monitor;

import java.util.concurrent.atomic.LongAdder;

/**
 * Messages and bytes that crossed a connection (or all of a socket's connections), in each direction.
 *
 * <p>Thread-safe and cheap to read from any thread; I/O threads add in batches (once per read or write), not per
 * message.
 */
public final class TrafficCounters {

    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();

    /** Adds received traffic. */
    public void received(long messages, long bytes) {
        messagesIn.add(messages);
        bytesIn.add(bytes);
    }

    /** Adds sent traffic. */
    public void sent(long messages, long bytes) {
        messagesOut.add(messages);
        bytesOut.add(bytes);
    }

    public long messagesIn() {
        return messagesIn.sum();
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long messagesOut() {
        return messagesOut.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }
}
