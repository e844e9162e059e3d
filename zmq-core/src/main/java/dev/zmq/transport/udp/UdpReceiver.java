package dev.zmq.transport.udp;

import dev.zmq.ErrorCode;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.io.IoThread;
import dev.zmq.io.SessionOwner;
import dev.zmq.monitor.SocketEventType;
import dev.zmq.transport.Endpoint;
import dev.zmq.wire.ProtocolException;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import org.jspecify.annotations.Nullable;

/**
 * A DISH's {@code udp://} endpoint: binds a port (joining the multicast group when the address is one) and queues
 * every datagram as a message of its group for the DISH, which keeps the groups it joined. At the inbound pipe's HWM
 * it stops reading until the socket drains the pipe (the kernel then drops, as UDP does). A malformed datagram is
 * dropped and reported on the monitor with its sender.
 */
public final class UdpReceiver extends UdpEndpoint {

    /** Datagrams read in one turn before other channels of the I/O thread get theirs. */
    private static final int MAX_READS = 256;

    /** A datagram read while the pipe was at its HWM, queued first when it drains. */
    private @Nullable ZmqMessage pending;

    private UdpReceiver(IoThread io, SessionOwner socket, Endpoint endpoint, DatagramChannel channel) {
        super(io, socket, endpoint, channel);
        peer.in().onWritable(() -> io.execute(this::resume));
    }

    /**
     * Binds {@code endpoint}; call {@link #start()} next.
     *
     * @throws ZmqException EINVAL for a malformed address, EADDRINUSE / EADDRNOTAVAIL when it cannot be bound
     */
    public static UdpReceiver bind(IoThread io, SessionOwner socket, Endpoint endpoint) {
        UdpAddress address = UdpAddress.parse(endpoint.address());
        DatagramChannel ch = null;
        try {
            ch = DatagramChannel.open(address.family());
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, address.isMulticast());
            if (address.isMulticast()) {
                ch.bind(new InetSocketAddress(address.port()));
                ch.join(address.host(), address.multicastInterface());
            } else {
                ch.bind(address.socketAddress());
            }
            return new UdpReceiver(io, socket, endpoint, ch);
        } catch (BindException e) {
            closeQuietly(ch);
            throw new ZmqException(ErrorCode.EADDRINUSE, "cannot bind " + endpoint + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            throw new ZmqException(ErrorCode.EADDRNOTAVAIL, "cannot bind " + endpoint + ": " + e.getMessage(), e);
        }
    }


    @Override
    protected int interestOps() {
        return SelectionKey.OP_READ;
    }

    @Override
    public void onReady(SelectionKey k) {
        read();
    }

    private void read() {
        try {
            if (pending != null) {
                if (!peer.in().offerQuietly(pending)) {
                    return;
                }
                counted(pending);
                pending = null;
                registeredKey().interestOps(SelectionKey.OP_READ);
            }
            for (int i = 0; i < MAX_READS; i++) {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                if (from == null) {
                    return;
                }
                buffer.flip();
                ZmqMessage m;
                try {
                    m = Datagram.decode(buffer);
                } catch (ProtocolException e) {
                    socket.events().emit(SocketEventType.MESSAGE_DROPPED, endpoint.text(), from.toString(),
                            "malformed datagram: " + e.getMessage());
                    continue;
                }
                if (!peer.in().offerQuietly(m)) {
                    pending = m;
                    registeredKey().interestOps(0);
                    return;
                }
                counted(m);
            }
        } catch (IOException e) {
            socket.events().emit(SocketEventType.MESSAGE_DROPPED, endpoint.text(), null, "receive failed: " + e);
        } finally {
            peer.in().wakeReader();
        }
    }

    private void counted(ZmqMessage m) {
        peer.traffic().received(1, m.last().size());
        socket.traffic().received(1, m.last().size());
    }

    private void resume() {
        if (key != null && key.isValid()) {
            read();
        }
    }
}
