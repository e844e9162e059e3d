package dev.zmq.transport.ipc;

import dev.zmq.ErrorCode;
import dev.zmq.SocketOptions;
import dev.zmq.ZmqException;
import dev.zmq.transport.StreamTransport;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * {@code ipc:///path} endpoints: real Unix domain sockets (the JDK's UNIX protocol family), wire-compatible with
 * libzmq's ipc. Binding replaces a stale socket file; unbinding and closing remove it. {@code ipc://*} binds a new
 * file in the temporary directory. Linux's abstract namespace ({@code ipc://@name}) is refused with EPROTONOSUPPORT:
 * the JDK cannot open such sockets. Stateless and thread-safe.
 */
public final class IpcTransport implements StreamTransport {

    @Override
    public String scheme() {
        return "ipc";
    }

    @Override
    public ServerSocketChannel bind(String address) {
        validateBind(address);
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
        return "ipc://" + ((UnixDomainSocketAddress) channel.getLocalAddress()).getPath();
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
        if (address.startsWith("@")) {
            throw new ZmqException(ErrorCode.EPROTONOSUPPORT, "ipc://" + address + ": the abstract namespace is not "
                    + "supported (the JDK opens only path-named Unix domain sockets); use ipc:///path");
        }
        if (address.indexOf('\0') >= 0) {
            throw new ZmqException(ErrorCode.EINVAL, "malformed ipc endpoint: the path contains a NUL byte");
        }
    }

    @Override
    public SocketAddress resolve(String address) {
        return UnixDomainSocketAddress.of(address);
    }

    @Override
    public SocketChannel open(SocketAddress target) throws IOException {
        return SocketChannel.open(StandardProtocolFamily.UNIX);
    }

    @Override
    public void configure(SocketChannel channel, SocketOptions options) {
        // nothing to tune on a Unix domain socket
    }

    @Override
    public String describeRemote(SocketChannel channel) {
        try {
            SocketAddress local = channel.getLocalAddress();
            return local instanceof UnixDomainSocketAddress unix && !unix.getPath().toString().isEmpty()
                    ? "ipc://" + unix.getPath() : "ipc://(peer)";
        } catch (IOException e) {
            return "ipc://?";
        }
    }
}
