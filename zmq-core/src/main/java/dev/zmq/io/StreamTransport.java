package dev.zmq.io;

import dev.zmq.SocketOptions;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;

/**
 * A transport that carries ZMTP over a byte stream (TCP, Unix domain sockets): how to parse its addresses, bind,
 * connect and describe peers. Implementations are stateless and thread-safe.
 */
public interface StreamTransport {

    /** The endpoint prefix, e.g. {@code tcp}. */
    String scheme();

    /**
     * Opens a non-blocking listening channel bound to {@code address}.
     *
     * @throws dev.zmq.ZmqException EINVAL for a malformed address, EADDRINUSE / EADDRNOTAVAIL when binding fails
     */
    ServerSocketChannel bind(String address);

    /** Closes a listening channel and releases what it held (an ipc socket file). */
    default void release(ServerSocketChannel channel) throws IOException {
        channel.close();
    }

    /** The endpoint a bound channel actually listens on (resolving wildcards and ephemeral ports). */
    String boundEndpoint(ServerSocketChannel channel) throws IOException;

    /** Checks a bind address's syntax without binding (wildcards allowed); throws ZmqException EINVAL. */
    void validateBind(String address);

    /** Checks a connect address's syntax now, so a bad endpoint fails the {@code connect} call itself. */
    void validateConnect(String address);

    /** Resolves a connect address; called before every (re)connect attempt so name changes are followed. */
    SocketAddress resolve(String address) throws IOException;

    /** Opens an unconnected channel able to reach {@code target}. */
    SocketChannel open(SocketAddress target) throws IOException;

    /** Applies transport options (TCP_NODELAY, keepalive from {@code options}) to a new connection. */
    void configure(SocketChannel channel, SocketOptions options) throws IOException;

    /**
     * The provider of the channels for {@code address}; an I/O thread's selector serves channels of one provider
     * only. The JDK's own, except for endpoints served by a library (ipc://@name).
     */
    default SelectorProvider selectorProvider(String address) {
        return SelectorProvider.provider();
    }

    /** The remote end of a connection as an endpoint string, for events. */
    String describeRemote(SocketChannel channel);
}
