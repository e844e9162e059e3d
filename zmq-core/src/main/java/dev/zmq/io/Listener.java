package dev.zmq.io;

import dev.zmq.monitor.SocketEventType;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A bound endpoint: accepts connections and starts an accepted {@link Session} for each. Closing it (unbind or
 * socket close) stops accepting and closes the sessions it started, honouring linger.
 *
 * <p>Thread-safety: runs on its {@link IoThread}; {@link #start} and {@link #close} post to it.
 */
public final class Listener implements IoHandler, EndpointHandle {

    private final IoThread io;
    private final SessionOwner socket;
    private final StreamEndpoint endpoint;
    private final ServerSocketChannel server;
    private final String boundEndpoint;
    private final Set<Session> sessions = new HashSet<>();
    private @Nullable SelectionKey key;
    private boolean closed;
    private boolean finished;

    /** A listener over an already bound {@code server} channel; {@code boundEndpoint} is what it resolved to. */
    public Listener(IoThread io, SessionOwner socket, StreamEndpoint endpoint, ServerSocketChannel server,
                    String boundEndpoint) {
        this.io = io;
        this.socket = socket;
        this.endpoint = endpoint;
        this.server = server;
        this.boundEndpoint = boundEndpoint;
    }

    /** Starts accepting. */
    @Override
    public void start() {
        io.execute(() -> {
            try {
                key = io.register(server, SelectionKey.OP_ACCEPT, this);
            } catch (IOException e) {
                socket.events().emit(SocketEventType.BIND_FAILED, boundEndpoint, null, e.toString());
                close(0);
            }
        });
    }

    @Override
    public void onReady(SelectionKey k) {
        for (int i = 0; i < 64 && !closed; i++) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                socket.events().emit(SocketEventType.BIND_FAILED, boundEndpoint, null, "accept failed: " + e);
                return;
            }
            if (ch == null) {
                return;
            }
            String remote = endpoint.transport().describeRemote(ch);
            try {
                endpoint.transport().configure(ch, socket.connectionConfig().options());
            } catch (IOException e) {
                closeQuietly(ch);
                continue;
            }
            socket.events().emit(SocketEventType.ACCEPTED, boundEndpoint, remote, "");
            StreamEndpoint self = new StreamEndpoint(boundEndpoint, endpoint.transport(), endpoint.address());
            sessions.add(Session.accepted(io, socket, self, ch, remote, this::sessionFinished));
        }
    }

    private void sessionFinished(Session s) {
        sessions.remove(s);
        finishIfDone();
    }

    /** The endpoint it listens on, resolved (e.g. with its ephemeral port). */
    @Override
    public String endpoint() {
        return boundEndpoint;
    }

    /**
     * Stops accepting and closes accepted sessions with {@code lingerNanos}; safe from any thread.
     *
     * @return completes once the listening address is released, so it can be bound again
     */
    @Override
    public CompletableFuture<Void> close(long lingerNanos) {
        CompletableFuture<Void> released = new CompletableFuture<>();
        io.execute(() -> {
            if (closed) {
                released.complete(null);
                return;
            }
            closed = true;
            if (key != null) {
                key.cancel();
            }
            try {
                endpoint.transport().release(server);
            } catch (IOException ignored) {
                // closing anyway
            }
            io.flushCancelledKeys();
            released.complete(null);
            socket.events().emit(SocketEventType.CLOSED, boundEndpoint, null, "");
            for (Session s : new ArrayList<>(sessions)) {
                s.closeNow(lingerNanos);
            }
            finishIfDone();
        });
        return released;
    }

    private void finishIfDone() {
        if (closed && sessions.isEmpty() && !finished) {
            finished = true;
            socket.ioFinished();
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // dropping the connection
        }
    }
}
