package dev.zmq.transport.inproc;

import dev.zmq.ErrorCode;
import dev.zmq.ZmqException;
import dev.zmq.io.SessionOwner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The {@code inproc://} endpoints of one context: which socket is bound to which name, and the connections made to
 * them. A connection hands messages from one socket's thread to the other's through a lock-free pipe: no encoding,
 * no copy, no I/O thread. A connect may come before its bind; its messages queue until the bind.
 *
 * <p>Thread-safe: one lock, taken to bind, connect, disconnect and close, never per message. Throws
 * {@link ZmqException}: EADDRINUSE (bind of a taken name), ENOENT (unbind/disconnect of something unknown), EINVAL
 * (incompatible socket types).
 */
public final class InprocRegistry {

    private final Map<String, SessionOwner> bound = new HashMap<>();
    private final List<InprocConnection> connections = new ArrayList<>();

    /** Binds {@code endpoint} to {@code socket} and completes the connections waiting for it. */
    public synchronized void bind(String endpoint, SessionOwner socket) {
        SessionOwner holder = bound.putIfAbsent(endpoint, socket);
        if (holder != null) {
            throw new ZmqException(ErrorCode.EADDRINUSE, "cannot bind " + endpoint + ": already bound by "
                    + holder.connectionConfig().name());
        }
        List<InprocConnection> refused = new ArrayList<>();
        for (InprocConnection c : connections) {
            if (c.endpoint().equals(endpoint) && !c.isAccepted() && !c.accept(socket)) {
                refused.add(c);
            }
        }
        connections.removeAll(refused);
    }

    /** Whether a socket is bound to {@code endpoint} now. */
    public synchronized boolean isBound(String endpoint) {
        return bound.containsKey(endpoint);
    }

    /** Releases {@code endpoint}; connections already made stay until either side closes them. */
    public synchronized void unbind(String endpoint, SessionOwner socket) {
        if (!bound.remove(endpoint, socket)) {
            throw new ZmqException(ErrorCode.ENOENT, endpoint + " is not bound by " + socket.connectionConfig().name());
        }
    }

    /**
     * Connects {@code socket} to {@code endpoint}, bound or not yet.
     *
     * @throws ZmqException EINVAL when the bound socket's type cannot talk to this one
     */
    synchronized InprocConnection connect(String endpoint, SessionOwner socket) {
        InprocConnection c = InprocConnection.open(endpoint, socket, bound.get(endpoint));
        connections.add(c);
        return c;
    }

    /** Closes connection {@code c} (a disconnect); nothing when it is closed already. */
    synchronized void disconnect(InprocConnection c) {
        closeWhere(c::equals);
    }

    /**
     * Forgets a closed socket: releases its names and closes the connections it made; connections made to it wait
     * for the next bind of their endpoint.
     */
    public synchronized void closed(SessionOwner socket) {
        bound.values().removeIf(s -> s == socket);
        closeWhere(c -> c.isFrom(socket));
        connections.stream().filter(c -> c.isBoundBy(socket)).forEach(InprocConnection::binderClosed);
    }

    private void closeWhere(Predicate<InprocConnection> which) {
        List<InprocConnection> gone = connections.stream().filter(which).toList();
        gone.forEach(InprocConnection::close);
        connections.removeAll(gone);
    }
}
