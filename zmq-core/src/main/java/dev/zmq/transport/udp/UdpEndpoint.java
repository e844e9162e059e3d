package dev.zmq.transport.udp;

import dev.zmq.io.EndpointHandle;
import dev.zmq.io.IoHandler;
import dev.zmq.io.IoThread;
import dev.zmq.io.SessionOwner;
import dev.zmq.monitor.SocketEventType;
import dev.zmq.pipe.Peer;
import dev.zmq.transport.Endpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One {@code udp://} endpoint of a socket: a datagram channel and the single peer standing for everyone on the other
 * side of it. A RADIO connects ({@link UdpSender}), a DISH binds ({@link UdpReceiver}); there is no handshake and no
 * connection, so the peer joins the socket's routing at once and stays until the endpoint is closed.
 *
 * <p>Thread-safety: runs on its {@link IoThread}; {@link #start()} and {@link #close(long)} post to it.
 */
public abstract class UdpEndpoint implements IoHandler, EndpointHandle {

    /** The I/O thread serving the channel. */
    protected final IoThread io;
    /** The socket. */
    protected final SessionOwner socket;
    /** The endpoint as the user wrote it. */
    protected final Endpoint endpoint;
    /** The open datagram channel. */
    protected final DatagramChannel channel;
    /** One datagram's worth of buffer, reused. */
    protected final ByteBuffer buffer = ByteBuffer.allocateDirect(Datagram.MAX_SIZE);
    /** The peer standing for the other side. */
    protected final Peer peer;
    /** The channel's selection key once registered; {@code null} before. */
    protected @Nullable SelectionKey key;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    UdpEndpoint(IoThread io, SessionOwner socket, Endpoint endpoint, DatagramChannel channel) {
        this.io = io;
        this.socket = socket;
        this.endpoint = endpoint;
        this.channel = channel;
        this.peer = socket.newPeer(endpoint.text(), socket.connectionConfig().options());
        peer.connected(endpoint.text(), new byte[0], "NULL", "");
    }

    /** The selection key, for the I/O callbacks, which only come once the channel is registered. */
    protected final SelectionKey registeredKey() {
        return Objects.requireNonNull(key, "the channel is registered");
    }

    /** Closes a channel that failed to be set up. */
    static void closeQuietly(@Nullable DatagramChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // failing already
            }
        }
    }

    /** The endpoint as the user wrote it. */
    @Override
    public String endpoint() {
        return endpoint.text();
    }

    /** Registers the channel with the I/O thread and hands the peer to the socket's routing rule. */
    @Override
    public void start() {
        socket.attach(peer);
        io.execute(() -> {
            try {
                key = io.register(channel, interestOps(), this);
                onRegistered();
            } catch (IOException e) {
                finish("cannot register " + endpoint + ": " + e);
            }
        });
    }

    /** The selector interest to register with. */
    protected abstract int interestOps();

    /** Called on the I/O thread once registered. */
    protected void onRegistered() {
    }

    /**
     * Closes the endpoint: a sender first sends what is queued, for at most {@code lingerNanos} (negative: no
     * limit); a receiver stops at once. The future completes once the channel is closed.
     */
    @Override
    public CompletableFuture<Void> close(long lingerNanos) {
        io.execute(() -> closeOnIoThread(lingerNanos));
        return closed;
    }

    /** On the I/O thread: how this endpoint winds down; by default at once. */
    protected void closeOnIoThread(long lingerNanos) {
        finish("closed");
    }

    /** Closes the channel, detaches the peer and reports the endpoint finished. Idempotent. */
    protected final void finish(String reason) {
        if (closed.isDone()) {
            return;
        }
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        io.flushCancelledKeys();
        socket.detach(peer);
        socket.events().emit(SocketEventType.CLOSED, endpoint.text(), null, reason);
        socket.ioFinished();
        closed.complete(null);
    }
}
