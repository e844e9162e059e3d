package dev.zmq.transport;

import dev.zmq.ErrorCode;
import dev.zmq.ZmqException;
import dev.zmq.io.EndpointHandle;
import dev.zmq.io.Listener;
import dev.zmq.io.Session;
import dev.zmq.io.StreamEndpoint;
import dev.zmq.io.StreamTransport;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;

/**
 * The stream transports ({@code tcp://}, {@code ipc://}) as a socket uses them: a bind is a {@link Listener} over
 * the channel the transport bound, a connect a {@link Session} that connects and reconnects in the background.
 *
 * <p>Immutable and thread-safe.
 */
final class StreamFamily implements Transport {

    private final StreamTransport transport;

    StreamFamily(StreamTransport transport) {
        this.transport = transport;
    }

    @Override
    public void validate(String address, boolean forBind) {
        if (forBind) {
            transport.validateBind(address);
        } else {
            transport.validateConnect(address);
        }
    }

    @Override
    public EndpointHandle bind(Endpoint endpoint, TransportHost host) {
        ServerSocketChannel server = transport.bind(endpoint.address());
        String bound;
        try {
            bound = transport.boundEndpoint(server);
        } catch (IOException e) {
            throw new ZmqException(ErrorCode.EADDRNOTAVAIL, "cannot bind " + endpoint + ": " + e, e);
        }
        Listener listener = new Listener(host.ioThread(transport.selectorProvider(endpoint.address())), host.socket(),
                streamEndpoint(endpoint), server, bound);
        host.ioStarted();
        return listener;
    }

    @Override
    public EndpointHandle connect(Endpoint endpoint, TransportHost host) {
        transport.validateConnect(endpoint.address());
        host.ioStarted();
        return Session.connect(host.ioThread(transport.selectorProvider(endpoint.address())), host.socket(),
                streamEndpoint(endpoint));
    }

    private StreamEndpoint streamEndpoint(Endpoint endpoint) {
        return new StreamEndpoint(endpoint.text(), transport, endpoint.address());
    }
}
