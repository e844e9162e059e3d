package dev.zmq.monitor;

import org.jspecify.annotations.Nullable;

/**
 * Where the I/O layer reports events for one socket. Thread-safe: any thread may report.
 */
@FunctionalInterface
public interface EventSink {

    /** Reports an event about {@code endpoint} (and {@code peer}, which may be {@code null}). */
    void emit(SocketEventType type, String endpoint, @Nullable String peer, String detail);
}
