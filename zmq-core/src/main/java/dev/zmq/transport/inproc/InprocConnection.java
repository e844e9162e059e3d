package dev.zmq.transport.inproc;

import dev.zmq.ErrorCode;
import dev.zmq.SocketOption;
import dev.zmq.ZmqException;
import dev.zmq.io.ConnectionConfig;
import dev.zmq.io.SessionOwner;
import dev.zmq.monitor.SocketEventType;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Pipe;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One inproc connection: two pipes, each socket's peer holding them crossed (one's out is the other's in). The
 * connecting side's peer exists from {@code connect} on, so it may queue messages before the bind; the bound side's
 * peer is added when the bind is there. As with TCP, the connecting side outlives the bound socket: when that
 * closes, the connection waits for the next bind of the endpoint, and what was queued meanwhile is delivered then.
 *
 * <p>Not thread-safe on its own: {@link InprocRegistry} serialises every call.
 */
final class InprocConnection {

    private final String endpoint;
    private final SessionOwner connecter;
    private final ConnectionConfig connecterConfig;
    private final Peer connecterPeer;
    /** The bound socket and its peer of this connection, both {@code null} until it is accepted (bound). */
    private @Nullable SessionOwner binder;
    private @Nullable Peer binderPeer;
    private boolean accepted;

    private InprocConnection(String endpoint, SessionOwner connecter, ConnectionConfig config, Peer peer) {
        this.endpoint = endpoint;
        this.connecter = connecter;
        this.connecterConfig = config;
        this.connecterPeer = peer;
    }

    /** The connecting socket's peer of this connection. */
    Peer connecterPeer() {
        return connecterPeer;
    }

    /**
     * Opens a connection from {@code connecter} to {@code endpoint}, accepted at once when {@code binder} is not
     * {@code null}. Pipe HWMs are the sender's SNDHWM plus the receiver's RCVHWM when both are known (0 = none).
     *
     * @throws ZmqException EINVAL when the bound socket's type cannot talk to the connecting one
     */
    static InprocConnection open(String endpoint, SessionOwner connecter, @Nullable SessionOwner binder) {
        ConnectionConfig mine = connecter.connectionConfig();
        ConnectionConfig theirs = binder == null ? null : binder.connectionConfig();
        if (theirs != null && !compatible(mine, theirs)) {
            throw new ZmqException(ErrorCode.EINVAL, mine.name() + ": cannot connect to " + endpoint + ": it is bound"
                    + " by " + theirs.name() + ", and " + mine.type() + " cannot talk to " + theirs.type());
        }
        Pipe out = Pipe.inproc(hwm(mine, SocketOption.SNDHWM, theirs, SocketOption.RCVHWM));
        Pipe in = Pipe.inproc(hwm(mine, SocketOption.RCVHWM, theirs, SocketOption.SNDHWM));
        Peer peer = connecter.newPeer(endpoint, out, in);
        connecter.preamble(peer, false).forEach(out::force);
        InprocConnection c = new InprocConnection(endpoint, connecter, mine, peer);
        if (binder != null && theirs != null) {
            c.accept(binder, theirs, false);
        }
        connecter.attach(peer);
        if (theirs != null) {
            connecter.events().emit(SocketEventType.CONNECTED, endpoint, theirs.name(), "inproc");
        } else {
            connecter.events().emit(SocketEventType.CONNECT_DELAYED, endpoint, null, "inproc: not bound yet");
        }
        return c;
    }

    /**
     * Completes a connection made before its endpoint was bound. An incompatible pair is reported on both sockets'
     * monitors (HANDSHAKE_FAILED) and the connection closed.
     *
     * @return whether the connection now joins both sockets
     */
    boolean accept(SessionOwner bound) {
        ConnectionConfig theirs = bound.connectionConfig();
        if (!compatible(connecterConfig, theirs)) {
            String reason = connecterConfig.type() + " cannot talk to " + theirs.type();
            connecter.events().emit(SocketEventType.HANDSHAKE_FAILED, endpoint, theirs.name(), reason);
            bound.events().emit(SocketEventType.HANDSHAKE_FAILED, endpoint, connecterConfig.name(), reason);
            close();
            return false;
        }
        accept(bound, theirs, true);
        return true;
    }

    private void accept(SessionOwner bound, ConnectionConfig theirs, boolean pending) {
        boolean again = accepted;
        accepted = true;
        binder = bound;
        binderPeer = bound.newPeer(endpoint, connecterPeer.in(), connecterPeer.out());
        binderPeer.connected(endpoint, connecterConfig.options().get(SocketOption.ROUTING_ID), "", "");
        connecterPeer.connected(endpoint, theirs.options().get(SocketOption.ROUTING_ID), "", "");
        bound.preamble(binderPeer, false).forEach(binderPeer.out()::force);
        bound.attach(binderPeer);
        bound.events().emit(SocketEventType.ACCEPTED, endpoint, connecterConfig.name(), "inproc");
        if (again) {
            connecter.reattach(connecterPeer);
        }
        if (pending) {
            connecter.events().emit(SocketEventType.CONNECTED, endpoint, theirs.name(), "inproc");
        }
    }

    /** The bound socket closed: wait for the endpoint to be bound again, keeping the connecting side's queue. */
    void binderClosed() {
        Objects.requireNonNull(binder, "called for an accepted connection").detach(boundPeer());
        binder = null;
        binderPeer = null;
        connecter.events().emit(SocketEventType.DISCONNECTED, endpoint, endpoint,
                "the bound socket closed; waiting for the endpoint to be bound again");
    }

    /** Takes both peers out of their sockets' routing; what one already sent stays readable by the other. */
    void close() {
        connecter.detach(connecterPeer);
        connecter.events().emit(SocketEventType.DISCONNECTED, endpoint, endpoint, "inproc connection closed");
        if (binder != null) {
            binder.detach(boundPeer());
            binder.events().emit(SocketEventType.DISCONNECTED, endpoint, connecterConfig.name(),
                    "inproc connection closed");
        }
    }

    /** The bound socket's peer of an accepted connection. */
    private Peer boundPeer() {
        return Objects.requireNonNull(binderPeer, "accepted with the binder");
    }

    String endpoint() {
        return endpoint;
    }

    boolean isAccepted() {
        return binder != null;
    }

    boolean isFrom(SessionOwner socket) {
        return connecter == socket;
    }

    boolean isBoundBy(SessionOwner socket) {
        return binder == socket;
    }

    private static boolean compatible(ConnectionConfig a, ConnectionConfig b) {
        return a.type().isCompatibleWith(b.type().wireName());
    }

    private static int hwm(ConnectionConfig sender, SocketOption<Integer> sendSide, @Nullable ConnectionConfig receiver,
                           SocketOption<Integer> receiveSide) {
        int s = sender.options().get(sendSide);
        if (receiver == null) {
            return s;
        }
        int r = receiver.options().get(receiveSide);
        return s == 0 || r == 0 ? 0 : s + r;
    }
}
