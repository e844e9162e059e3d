package dev.zmq;

/**
 * Hears about sockets opening and closing in a {@link ZmqContext}, e.g. to register and remove their metrics.
 * Called on the thread that opens or closes the socket; implementations must be thread-safe and quick, and must not
 * throw (an exception is ignored).
 */
public interface SocketListener {

    /** {@code socket} was just created (before any bind or connect). */
    default void socketOpened(ZmqSocket socket) {
    }

    /** {@code socket} was just closed. */
    default void socketClosed(ZmqSocket socket) {
    }
}
