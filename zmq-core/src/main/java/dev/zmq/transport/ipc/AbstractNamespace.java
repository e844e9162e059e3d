package dev.zmq.transport.ipc;

import dev.zmq.ErrorCode;
import dev.zmq.ZmqException;
import org.newsclub.net.unix.AFUNIXSelectorProvider;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.nio.charset.StandardCharsets;

/**
 * Linux's abstract socket namespace ({@code ipc://@name}: no file, the name lives with the socket) through
 * junixsocket, whose channels are {@link SocketChannel}s of their own {@link SelectorProvider}. junixsocket is an
 * optional dependency: without it on the class path {@link #require(String)} refuses with EPROTONOSUPPORT. The name's
 * bytes are the address as libzmq forms it (no padding), so both talk to each other. Stateless and thread-safe.
 */
final class AbstractNamespace {

    private static final boolean AVAILABLE = present();

    private AbstractNamespace() {
    }

    private static boolean present() {
        try {
            Class.forName("org.newsclub.net.unix.AFUNIXSocketAddress", false, AbstractNamespace.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Checks the library is there; throws EPROTONOSUPPORT naming what to add. */
    static void require(String address) {
        if (!AVAILABLE) {
            throw new ZmqException(ErrorCode.EPROTONOSUPPORT, "ipc://" + address + ": the abstract namespace needs "
                    + "junixsocket on the class path (com.kohlschutter.junixsocket:junixsocket-core), as the JDK's "
                    + "own channels open only path-named Unix domain sockets");
        }
    }

    static ServerSocketChannel bind(String name) throws IOException {
        AFUNIXServerSocketChannel ch = AFUNIXServerSocketChannel.open();
        try {
            ch.bind(address(name), 128);
            ch.configureBlocking(false);
            return ch;
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    static SocketAddress address(String name) throws IOException {
        return AFUNIXSocketAddress.inAbstractNamespace(name);
    }

    static SocketChannel open() throws IOException {
        return AFUNIXSocketChannel.open();
    }

    /** An abstract address as libzmq writes it, {@code ipc://@name}; {@code ipc://(peer)} for an unnamed one. */
    static String describe(SocketAddress address) {
        if (address instanceof AFUNIXSocketAddress unix && unix.isInAbstractNamespace()) {
            byte[] path = unix.getPathAsBytes();
            return "ipc://@" + new String(path, 1, path.length - 1, StandardCharsets.UTF_8);
        }
        return "ipc://(peer)";
    }

    static SelectorProvider selectorProvider() {
        return AFUNIXSelectorProvider.provider();
    }
}
