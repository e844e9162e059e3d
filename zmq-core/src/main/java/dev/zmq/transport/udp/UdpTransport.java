package dev.zmq.transport.udp;

import dev.zmq.ErrorCode;
import dev.zmq.SocketType;
import dev.zmq.ZmqException;
import dev.zmq.io.EndpointHandle;
import dev.zmq.transport.Endpoint;
import dev.zmq.transport.Transport;
import dev.zmq.transport.TransportHost;

import java.nio.channels.spi.SelectorProvider;

/**
 * {@code udp://} as a socket uses it: a DISH binds a {@link UdpReceiver}, a RADIO connects a {@link UdpSender}, and
 * no other socket type takes part.
 *
 * <p>Stateless and thread-safe.
 */
public final class UdpTransport implements Transport {

    @Override
    public void validate(String address, boolean forBind) {
        UdpAddress.parse(address);
    }

    @Override
    public EndpointHandle bind(Endpoint endpoint, TransportHost host) {
        require(host, SocketType.DISH, "bind", endpoint);
        return opened(host, UdpReceiver.bind(host.ioThread(SelectorProvider.provider()), host.socket(), endpoint));
    }

    @Override
    public EndpointHandle connect(Endpoint endpoint, TransportHost host) {
        require(host, SocketType.RADIO, "connect", endpoint);
        return opened(host, UdpSender.open(host.ioThread(SelectorProvider.provider()), host.socket(), endpoint));
    }

    /** Counts an endpoint whose channel is open as I/O the context waits for. */
    private static EndpointHandle opened(TransportHost host, UdpEndpoint endpoint) {
        host.ioStarted();
        return endpoint;
    }

    /** One channel per endpoint: a second connect to it is refused. */
    @Override
    public boolean allowsRepeatedConnect() {
        return false;
    }

    private static void require(TransportHost host, SocketType required, String operation, Endpoint endpoint) {
        if (host.socket().connectionConfig().type() != required) {
            throw new ZmqException(ErrorCode.ENOTSUP, "cannot " + operation + " " + endpoint + ": over udp:// a "
                    + "RADIO connects and a DISH binds, and no other socket type takes part");
        }
    }
}
