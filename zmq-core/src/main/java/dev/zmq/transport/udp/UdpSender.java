package dev.zmq.transport.udp;

import dev.zmq.ErrorCode;
import dev.zmq.SocketOption;
import dev.zmq.SocketOptions;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.io.IoThread;
import dev.zmq.io.SessionOwner;
import dev.zmq.monitor.SocketEventType;
import dev.zmq.transport.Endpoint;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A RADIO's {@code udp://} endpoint: sends each message queued for its peer as one datagram to a unicast address or
 * a multicast group (on the interface the endpoint names; looped back to local receivers; MULTICAST_HOPS as TTL).
 * Woken only on the empty to non-empty edge of the pipe; when the kernel's buffer is full it waits for OP_WRITE. A
 * message too large for one datagram is dropped and reported on the monitor.
 */
public final class UdpSender extends UdpEndpoint {

    private final InetSocketAddress target;
    private final AtomicBoolean sendScheduled = new AtomicBoolean();
    private @Nullable ZmqMessage pending;
    private boolean closing;

    private UdpSender(IoThread io, SessionOwner socket, Endpoint endpoint, DatagramChannel channel,
                      InetSocketAddress target) {
        super(io, socket, endpoint, channel);
        this.target = target;
        peer.out().onReadable(this::scheduleSend);
    }

    /**
     * Opens a sender for {@code endpoint}; call {@link #start()} next.
     *
     * @throws ZmqException EINVAL for a malformed address, EADDRNOTAVAIL when the channel cannot be set up
     */
    public static UdpSender open(IoThread io, SessionOwner socket, Endpoint endpoint) {
        UdpAddress address = UdpAddress.parse(endpoint.address());
        if (address.host() == null) {
            throw new ZmqException(ErrorCode.EINVAL, "malformed endpoint '" + endpoint
                    + "': a RADIO sends to a host or group, not '*'");
        }
        SocketOptions options = socket.connectionConfig().options();
        DatagramChannel ch = null;
        try {
            ch = DatagramChannel.open(address.family());
            ch.configureBlocking(false);
            if (address.isMulticast()) {
                ch.setOption(StandardSocketOptions.IP_MULTICAST_IF, address.multicastInterface());
                ch.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, options.get(SocketOption.MULTICAST_LOOP));
                ch.setOption(StandardSocketOptions.IP_MULTICAST_TTL, options.get(SocketOption.MULTICAST_HOPS));
            }
            return new UdpSender(io, socket, endpoint, ch, address.socketAddress());
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            throw new ZmqException(ErrorCode.EADDRNOTAVAIL, "cannot send to " + endpoint + ": " + e.getMessage(), e);
        }
    }


    @Override
    protected int interestOps() {
        return 0;
    }

    @Override
    protected void onRegistered() {
        socket.events().emit(SocketEventType.CONNECTED, endpoint.text(), target.toString(), "udp");
        sendQueued();
    }

    /** Asks the I/O thread to send what is queued; any thread, cheap when already asked. */
    private void scheduleSend() {
        if (sendScheduled.compareAndSet(false, true)) {
            io.execute(() -> {
                sendScheduled.set(false);
                sendQueued();
            });
        }
    }

    @Override
    public void onReady(SelectionKey k) {
        k.interestOps(0);
        sendQueued();
    }

    private void sendQueued() {
        if (key == null || !channel.isOpen()) {
            return;
        }
        try {
            ZmqMessage m = pending != null ? pending : peer.out().poll();
            while (m != null) {
                if (!Datagram.encode(m, buffer)) {
                    socket.events().emit(SocketEventType.MESSAGE_DROPPED, endpoint.text(), target.toString(),
                            "a " + m.last().size() + "-byte message does not fit one " + Datagram.MAX_SIZE
                                    + "-byte datagram");
                } else if (channel.send(buffer, target) == 0) {
                    pending = m;
                    key.interestOps(SelectionKey.OP_WRITE);
                    return;
                } else {
                    peer.traffic().sent(1, m.last().size());
                    socket.traffic().sent(1, m.last().size());
                }
                m = peer.out().poll();
            }
            pending = null;
            if (closing) {
                finish("closed");
            }
        } catch (IOException e) {
            // a refused or unreachable datagram (ICMP) loses that datagram only, as UDP does
            socket.events().emit(SocketEventType.MESSAGE_DROPPED, endpoint.text(), target.toString(), e.toString());
            pending = null;
            scheduleSend();
        }
    }

    @Override
    protected void closeOnIoThread(long lingerNanos) {
        closing = true;
        if (lingerNanos == 0 || key == null) {
            finish("closed");
            return;
        }
        if (lingerNanos > 0) {
            io.schedule(lingerNanos, () -> finish("linger expired"));
        }
        sendQueued();
    }
}
