package dev.zmq.transport;

import dev.zmq.io.EndpointHandle;
import dev.zmq.io.SessionOwner;

/**
 * One transport family as a socket uses it: binds and connects endpoints of its prefix and hands back a handle the
 * socket keeps, so the socket itself has no transport-specific code. One implementation per family:
 * {@link StreamFamily} (tcp, ipc), {@link dev.zmq.transport.inproc.InprocTransport},
 * {@link dev.zmq.transport.udp.UdpTransport}.
 *
 * <p>Thread-safe. Methods throw {@link dev.zmq.ZmqException}: EINVAL for a malformed address, EADDRINUSE /
 * EADDRNOTAVAIL when a bind fails, ENOTSUP when the socket's type cannot use the transport that way.
 */
public interface Transport {

    /** Checks {@code address}'s syntax as a bind or connect would, doing neither. */
    void validate(String address, boolean forBind);

    /** Binds {@code endpoint} for {@code socket}; the handle is not started yet (the socket starts it). */
    EndpointHandle bind(Endpoint endpoint, TransportHost host);

    /** Connects {@code socket} to {@code endpoint}; the handle is not started yet (the socket starts it). */
    EndpointHandle connect(Endpoint endpoint, TransportHost host);

    /** Whether a socket may connect to the same endpoint more than once (not over udp://, one channel each). */
    default boolean allowsRepeatedConnect() {
        return true;
    }

    /** A socket closed: forget what the transport keeps about it beyond its handles (inproc's bound names). */
    default void socketClosed(SessionOwner socket) {
    }
}
