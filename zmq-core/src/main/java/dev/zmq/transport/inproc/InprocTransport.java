package dev.zmq.transport.inproc;

import dev.zmq.io.EndpointHandle;
import dev.zmq.io.SessionOwner;
import dev.zmq.pipe.Peer;
import dev.zmq.transport.Endpoint;
import dev.zmq.transport.Transport;
import dev.zmq.transport.TransportHost;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@code inproc://} as a socket uses it: a bind names the socket in the context's {@link InprocRegistry}, a connect
 * opens an {@link InprocConnection} (at once, or when the name is bound). Any name is a valid address.
 *
 * <p>Thread-safe (the registry serialises every change).
 */
public final class InprocTransport implements Transport {

    private final InprocRegistry registry;

    /** The transport over {@code registry}, the context's names. */
    public InprocTransport(InprocRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void validate(String address, boolean forBind) {
        // every name is an inproc address
    }

    @Override
    public EndpointHandle bind(Endpoint endpoint, TransportHost host) {
        SessionOwner socket = host.socket();
        registry.bind(endpoint.text(), socket);
        return new Handle(endpoint.text(), null, () -> registry.unbind(endpoint.text(), socket));
    }

    @Override
    public EndpointHandle connect(Endpoint endpoint, TransportHost host) {
        InprocConnection connection = registry.connect(endpoint.text(), host.socket());
        return new Handle(endpoint.text(), connection.connecterPeer(), () -> registry.disconnect(connection));
    }

    /** Releases the socket's names and closes its connections; connections made to it wait for the next bind. */
    @Override
    public void socketClosed(SessionOwner socket) {
        registry.closed(socket);
    }

    /** An inproc binding (no peer of its own) or connection: nothing to release asynchronously. */
    private record Handle(String endpoint, @Nullable Peer peer, Runnable closing) implements EndpointHandle {

        @Override
        public CompletableFuture<Void> close(long lingerNanos) {
            closing.run();
            return CompletableFuture.completedFuture(null);
        }
    }
}
