package dev.zmq.monitor;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the events metrics want totals of: reconnect attempts, handshake failures by kind, and connections dropped
 * for a message over MAXMSGSIZE. Fed with every event a socket emits, whether or not it has monitors. Thread-safe.
 */
public final class EventCounters {

    private final LongAdder reconnects = new LongAdder();
    private final LongAdder droppedMaxSize = new LongAdder();
    private final Map<HandshakeFailure, LongAdder> handshakeFailures = new EnumMap<>(HandshakeFailure.class);

    /** Counters at zero. */
    public EventCounters() {
        for (HandshakeFailure f : HandshakeFailure.values()) {
            handshakeFailures.put(f, new LongAdder());
        }
    }

    /** Counts one event. */
    public void count(SocketEventType type, String detail) {
        switch (type) {
            case CONNECT_RETRIED -> reconnects.increment();
            case HANDSHAKE_FAILED -> failures(HandshakeFailure.of(detail)).increment();
            default -> {
            }
        }
        if ((type == SocketEventType.DISCONNECTED || type == SocketEventType.HANDSHAKE_FAILED)
                && detail.contains("exceeds MAXMSGSIZE")) {
            droppedMaxSize.increment();
        }
    }

    /** Reconnect attempts scheduled. */
    public long reconnects() {
        return reconnects.sum();
    }

    /** Connections dropped because the peer sent a message over MAXMSGSIZE (the message is lost). */
    public long droppedMaxSize() {
        return droppedMaxSize.sum();
    }

    /** Handshake failures of one kind. */
    public long handshakeFailures(HandshakeFailure kind) {
        return failures(kind).sum();
    }

    /** The counter of {@code kind}: the constructor made one for every kind. */
    private LongAdder failures(HandshakeFailure kind) {
        return Objects.requireNonNull(handshakeFailures.get(kind), "a counter for every kind");
    }
}
