package dev.zmq.bench.spring;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One way of getting a String from a sender to a handler method, as {@link SpringListenerBench} measures it: the
 * receiving side counts messages and, for latency probes, reports when the handler was entered. Implementations
 * are used by one sending thread; {@link #received} and {@link #entered} are filled by the receiving side.
 */
abstract class Contestant implements AutoCloseable {

    /** Payloads starting with this are latency probes. */
    static final String PROBE = "probe";

    /** Messages the handler has seen. */
    final AtomicLong received = new AtomicLong();
    /** {@code System.nanoTime()} at handler entry, for each probe. */
    final BlockingQueue<Long> entered = new LinkedBlockingQueue<>();

    /** Called by the handler with each payload. */
    final void handle(String payload) {
        if (payload.startsWith(PROBE)) {
            entered.add(System.nanoTime());
        }
        received.incrementAndGet();
    }

    /** Sends one payload. */
    abstract void send(String payload);
}
