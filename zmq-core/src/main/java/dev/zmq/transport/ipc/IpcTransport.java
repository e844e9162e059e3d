package dev.zmq.transport.ipc;

import dev.zmq.ErrorCode;
import dev.zmq.SocketOptions;
import dev.zmq.ZmqException;
import dev.zmq.io.StreamTransport;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * {@code ipc:///path} endpoints: real Unix domain sockets (the JDK's UNIX protocol family), wire-compatible with
 * libzmq's ipc. Binding replaces a stale socket file; unbinding and closing remove it. {@code ipc://*} binds a new
 * file in the temporary directory. {@code ipc://@name} is Linux's abstract namespace (no file), served through
 * {@link AbstractNamespace} when junixsocket is on the class path. Stateless and thread-safe.
 */
public final class IpcTransport implements StreamTransport {

    @Override
    public String scheme() {
        return "ipc";
    }

    @Override
    public ServerSocketChannel bind(String address) {
        validateBind(address);
        if (isAbstract(address)) {
            try {
                return AbstractNamespace.bind(address.substring(1));
            } catch (IOException e) {
                throw new ZmqException(ErrorCode.EADDRINUSE, "cannot bind ipc://" + address + ": " + e, e);
            }
        }
        Path path = address.equals("*")
                ? Path.of(System.getProperty("java.io.tmpdir"), "zmq-" + UUID.randomUUID() + ".ipc")
                : Path.of(address);
        ServerSocketChannel ch = null;
        try {
            Files.deleteIfExists(path);
            ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            ch.bind(UnixDomainSocketAddress.of(path), 128);
            ch.configureBlocking(false);
            return ch;
        } catch (IOException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            throw new ZmqException(ErrorCode.EADDRNOTAVAIL, "cannot bind ipc://" + address + ": " + e, e);
        }
    }

    @Override
    public void release(ServerSocketChannel channel) throws IOException {
        SocketAddress local = channel.getLocalAddress();
        channel.close();
        if (local instanceof UnixDomainSocketAddress unix) {
            Files.deleteIfExists(unix.getPath());
        }
    }

    @Override
    public String boundEndpoint(ServerSocketChannel channel) throws IOException {
        SocketAddress local = channel.getLocalAddress();
        return local instanceof UnixDomainSocketAddress unix ? "ipc://" + unix.getPath()
                : AbstractNamespace.describe(local);
    }

    private static boolean isAbstract(String address) {
        return address.startsWith("@");
    }

    @Override
    public void validateBind(String address) {
        check(address);
    }

    @Override
    public void validateConnect(String address) {
        check(address);
        if (address.equals("*")) {
            throw new ZmqException(ErrorCode.EINVAL, "cannot connect to ipc://*: give the socket file's path");
        }
    }

    private static void check(String address) {
        if (isAbstract(address)) {
            AbstractNamespace.require(address);
            if (address.length() == 1 || address.equals("@*")) {
                throw new ZmqException(ErrorCode.EINVAL, "malformed ipc endpoint 'ipc://" + address
                        + "': give a name after '@'");
            }
        }
        if (address.indexOf('\0') >= 0) {
            throw new ZmqException(ErrorCode.EINVAL, "malformed ipc endpoint: the path contains a NUL byte");
        }
    }

    @Override
    public SocketAddress resolve(String address) throws IOException {
        return isAbstract(address) ? AbstractNamespace.address(address.substring(1))
                : UnixDomainSocketAddress.of(address);
    }

    @Override
    public SocketChannel open(SocketAddress target) throws IOException {
        return target instanceof UnixDomainSocketAddress ? SocketChannel.open(StandardProtocolFamily.UNIX)
                : AbstractNamespace.open();
    }

    @Override
    public SelectorProvider selectorProvider(String address) {
        return isAbstract(address) ? AbstractNamespace.selectorProvider() : SelectorProvider.provider();
    }

    @Override
    public void configure(SocketChannel channel, SocketOptions options) {
        // nothing to tune on a Unix domain socket
    }

    @Override
    public String describeRemote(SocketChannel channel) {
        try {
            SocketAddress local = channel.getLocalAddress();
            if (local instanceof UnixDomainSocketAddress unix) {
                return unix.getPath().toString().isEmpty() ? "ipc://(peer)" : "ipc://" + unix.getPath();
            }
            return AbstractNamespace.describe(local != null ? local : channel.getRemoteAddress());
        } catch (IOException e) {
            return "ipc://?";
        }
    }
}
