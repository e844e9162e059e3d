package dev.zmq.monitor;

/**
 * Where the I/O layer reports events for one socket. Thread-safe: any thread may report.
 */
@FunctionalInterface
public interface EventSink {

    /** Reports an event about {@code endpoint} (and {@code peer}, which may be {@code null}). */
    void emit(SocketEventType type, String endpoint, String peer, String detail);
}
