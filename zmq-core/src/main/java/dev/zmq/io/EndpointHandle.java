package dev.zmq.io;

import dev.zmq.pipe.Peer;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint a socket bound or connected, as its transport made it: a listener, a connecting session, a datagram
 * channel or an inproc binding or connection. The socket keeps these and nothing transport-specific.
 *
 * <p>Thread-safe: {@link #close(long)} may be called from any thread.
 */
public interface EndpointHandle {

    /** The endpoint as resolved (a bind's ephemeral port filled in) or, for a connect, as given. */
    String endpoint();

    /** Starts the endpoint's I/O (accepting, connecting, reading datagrams); the socket calls it once it kept the handle. */
    default void start() {
    }

    /**
     * Ends the endpoint: a bind stops accepting, a connect stops reconnecting; what is queued is still delivered for
     * up to {@code lingerNanos} (negative: no limit). Idempotent.
     *
     * @return completes once what the endpoint held (a listening address, a datagram port) is released, so it may be
     *     bound again; a connect holds none and completes at once
     */
    CompletableFuture<Void> close(long lingerNanos);

    /**
     * The peer a connect made at once (stream and inproc connections): the socket takes it out of its routing when
     * disconnecting, and a PEER socket reports its routing id. {@code null} for binds and datagram endpoints.
     */
    default @Nullable Peer peer() {
        return null;
    }
}
