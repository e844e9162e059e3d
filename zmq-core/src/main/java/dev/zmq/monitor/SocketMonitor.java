package dev.zmq.monitor;

/**
 * Receives a socket's events. Called on the I/O thread that saw the event (or the socket's thread for bind and
 * close), so implementations must be thread-safe and quick; exceptions they throw are caught and ignored.
 */
@FunctionalInterface
public interface SocketMonitor {

    /** One event. */
    void onEvent(SocketEvent event);
}
