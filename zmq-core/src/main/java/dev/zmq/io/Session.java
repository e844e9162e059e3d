package dev.zmq.io;

import dev.zmq.SocketOption;
import dev.zmq.ZmqMessage;
import dev.zmq.monitor.SocketEventType;
import dev.zmq.pipe.Peer;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The life of one peer of a socket. A connecting session owns its peer from {@code connect()} on, connects, and
 * reconnects with backoff whenever the connection is lost, so messages queued for the peer survive reconnects. An
 * accepted session lives for one accepted connection and hands its peer to the socket only after the handshake.
 * Closing honours LINGER: queued messages are still written until the deadline.
 *
 * <p>Thread-safety: all methods run on the session's {@link IoThread}; the factory methods may be called from any
 * thread.
 */
public final class Session implements EngineOwner, EndpointHandle {

    private static final CloseReason SOCKET_CLOSED = CloseReason.of(CloseReason.Kind.LOCAL, "socket closed");

    private final IoThread io;
    private final SessionOwner socket;
    private final StreamEndpoint endpoint;
    private final boolean connecting;
    private final ConnectionConfig config;
    private final ReconnectBackoff backoff;
    /** Tells an accepted session's listener that it finished; {@code null} for a connecting session. */
    private final @Nullable Consumer<Session> onFinish;
    /** A connecting session's from {@code connect()} on; an accepted one's from its handshake ({@link #ownPeer()}). */
    private @Nullable Peer peer;
    private @Nullable StreamEngine engine;
    private @Nullable SocketChannel pendingChannel;
    private @Nullable IoTimer reconnectTimer;
    private @Nullable IoTimer connectTimer;
    private @Nullable IoTimer lingerTimer;
    private boolean closing;
    private boolean finished;
    private boolean handshakenBefore;
    private boolean replay;

    private Session(IoThread io, SessionOwner socket, StreamEndpoint endpoint, boolean connecting,
                    @Nullable Consumer<Session> onFinish) {
        this.io = io;
        this.socket = socket;
        this.endpoint = endpoint;
        this.connecting = connecting;
        this.onFinish = onFinish;
        this.config = socket.connectionConfig();
        this.backoff = new ReconnectBackoff(config.options().get(SocketOption.RECONNECT_IVL),
                config.options().get(SocketOption.RECONNECT_IVL_MAX));
    }

    /**
     * A connecting session: its peer joins the socket's routing at once, the connection follows {@link #start()}.
     */
    public static Session connect(IoThread io, SessionOwner socket, StreamEndpoint endpoint) {
        Session s = new Session(io, socket, endpoint, true, null);
        s.peer = socket.newPeer(endpoint.text(), s.config.options());
        if (!s.attachesAfterHandshake()) {
            socket.attach(s.peer);
        }
        return s;
    }

    /** Makes the first connection attempt of a connecting session. */
    @Override
    public void start() {
        if (connecting) {
            io.execute(this::attemptConnect);
        }
    }

    /** Starts a session for a connection a listener accepted; call on the listener's I/O thread. */
    static Session accepted(IoThread io, SessionOwner socket, StreamEndpoint endpoint, SocketChannel channel,
                            String remote, Consumer<Session> onFinish) {
        Session s = new Session(io, socket, endpoint, false, onFinish);
        s.startEngine(channel, remote);
        return s;
    }

    /** The peer of a connecting session (it exists from {@code connect()} on); {@code null} for accepted ones. */
    @Override
    public @Nullable Peer peer() {
        return connecting ? peer : null;
    }

    /** The session's peer, where it must exist: a connecting session's, or an accepted one's after its handshake. */
    private Peer ownPeer() {
        return Objects.requireNonNull(peer, "the session has a peer");
    }

    /** The endpoint connected to (or, for an accepted session, the listener's). */
    @Override
    public String endpoint() {
        return endpoint.text();
    }

    // ---------------------------------------------------------------- connecting

    private void attemptConnect() {
        reconnectTimer = null;
        if (finished) {
            return;
        }
        if (closing && ownPeer().out().isEmpty()) {
            finish();
            return;
        }
        StreamTransport transport = endpoint.transport();
        SocketChannel ch = null;
        try {
            SocketAddress target = transport.resolve(endpoint.address());
            ch = transport.open(target);
            ch.configureBlocking(false);
            if (ch.connect(target)) {
                connected(ch);
            } else {
                pendingChannel = ch;
                SelectionKey key = io.register(ch, SelectionKey.OP_CONNECT, this::finishConnect);
                socket.events().emit(SocketEventType.CONNECT_DELAYED, endpoint.text(), null, "");
                long timeout = config.options().get(SocketOption.CONNECT_TIMEOUT).toNanos();
                if (timeout > 0) {
                    SocketChannel attempt = ch;
                    connectTimer = io.schedule(timeout, () -> connectTimedOut(attempt, key, timeout));
                }
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            retry(CloseReason.of(CloseReason.Kind.IO_ERROR, "connect failed: " + describe(e)));
        }
    }

    /** CONNECT_TIMEOUT: an attempt still pending is abandoned and retried after the usual backoff. */
    private void connectTimedOut(SocketChannel attempt, SelectionKey key, long timeoutNanos) {
        connectTimer = null;
        if (pendingChannel != attempt) {
            return;
        }
        pendingChannel = null;
        key.cancel();
        closeQuietly(attempt);
        retry(CloseReason.of(CloseReason.Kind.IO_ERROR,
                "connect timed out after " + timeoutNanos / 1_000_000 + " ms (CONNECT_TIMEOUT)"));
    }

    private void cancelConnectTimer() {
        if (connectTimer != null) {
            connectTimer.cancel();
            connectTimer = null;
        }
    }

    private void finishConnect(SelectionKey key) {
        SocketChannel ch = Objects.requireNonNull(pendingChannel, "OP_CONNECT comes for the pending channel");
        pendingChannel = null;
        try {
            if (ch.finishConnect()) {
                cancelConnectTimer();
                connected(ch);
            } else {
                pendingChannel = ch;
            }
        } catch (IOException e) {
            key.cancel();
            closeQuietly(ch);
            cancelConnectTimer();
            retry(CloseReason.of(CloseReason.Kind.IO_ERROR, "connect failed: " + describe(e)));
        }
    }

    private void connected(SocketChannel ch) throws IOException {
        endpoint.transport().configure(ch, config.options());
        String remote = endpoint.transport().describeRemote(ch);
        socket.events().emit(SocketEventType.CONNECTED, endpoint.text(), remote, "");
        startEngine(ch, remote);
    }

    private void startEngine(SocketChannel ch, String remote) {
        engine = new StreamEngine(io, ch, this, socket.connectionConfig(), remote, socket.traffic());
        engine.start();
        if (closing) {
            engine.closeWhenDrained();
        }
    }

    private void retry(CloseReason reason) {
        if (closing && ownPeer().out().isEmpty()) {
            finish();
            return;
        }
        long delay = reason.kind() == CloseReason.Kind.REFUSED ? backoff.nextDelayAfterRefusalNanos()
                : backoff.nextDelayNanos();
        socket.events().emit(SocketEventType.CONNECT_RETRIED, endpoint.text(), null,
                "retry in " + delay / 1_000_000 + " ms after: " + reason);
        reconnectTimer = io.schedule(delay, this::attemptConnect);
    }

    // ---------------------------------------------------------------- engine callbacks

    @Override
    public Peer handshakeDone(StreamEngine e, PeerInfo info) {
        Peer p;
        if (connecting) {
            p = ownPeer();
            backoff.reset();
            p.connected(info.address(), info.routingId(), info.mechanism(), info.userId());
            if (attachesAfterHandshake()) {
                socket.attach(p);
            }
        } else {
            p = socket.newPeer(endpoint.text(), config.options());
            peer = p;
            p.connected(info.address(), info.routingId(), info.mechanism(), info.userId());
            socket.attach(p);
        }
        replay = !connecting || handshakenBefore;
        handshakenBefore = true;
        StreamEngine current = e;
        p.onDisconnect(reason -> io.execute(() -> current.close(CloseReason.of(CloseReason.Kind.LOCAL, reason))));
        socket.events().emit(SocketEventType.HANDSHAKE_SUCCEEDED, endpoint.text(), info.address(),
                "peer is " + info.socketType() + " speaking ZMTP 3." + info.zmtpMinor());
        return p;
    }

    /**
     * What the connection must send first. State the pipe carried (a SUB's subscriptions) is replayed for an
     * accepted peer, which the socket's thread may not attach for a while, and after a reconnect, since the copies
     * queued in the pipe were lost with the old connection; not on a connecting peer's first connection.
     */
    @Override
    public List<ZmqMessage> preamble() {
        return socket.preamble(ownPeer(), replay);
    }

    @Override
    public void engineClosed(StreamEngine e, CloseReason reason, boolean handshaken) {
        engine = null;
        socket.events().emit(handshaken ? SocketEventType.DISCONNECTED : SocketEventType.HANDSHAKE_FAILED,
                endpoint.text(), e.remote(), reason.detail());
        if (finished) {
            return;
        }
        if (connecting) {
            if (handshaken && attachesAfterHandshake()) {
                socket.detach(ownPeer());
            }
            retry(reason);
        } else {
            finish();
        }
    }

    /** ROUTER needs the peer's identity first; IMMEDIATE queues nothing to a connection not yet made. */
    private boolean attachesAfterHandshake() {
        return config.type().routesByIdentity() || config.options().get(SocketOption.IMMEDIATE);
    }

    @Override
    public void drained(StreamEngine e) {
        if (closing) {
            e.close(SOCKET_CLOSED);
        }
    }

    // ---------------------------------------------------------------- closing

    /**
     * Ends the session, still delivering what is queued for up to {@code lingerNanos} (negative: no limit).
     * Safe from any thread.
     *
     * @return completed at once: a connection holds no address to release
     */
    @Override
    public CompletableFuture<Void> close(long lingerNanos) {
        io.execute(() -> closeNow(lingerNanos));
        return CompletableFuture.completedFuture(null);
    }

    /** As {@link #close(long)}, on the session's I/O thread. */
    void closeNow(long lingerNanos) {
        if (closing || finished) {
            return;
        }
        closing = true;
        boolean nothingQueued = peer == null || peer.out().isEmpty();
        if (lingerNanos == 0 || nothingQueued && engine == null) {
            finish();
            return;
        }
        if (lingerNanos > 0) {
            lingerTimer = io.schedule(lingerNanos, this::finish);
        }
        if (engine != null) {
            engine.closeWhenDrained();
        }
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        closing = true;
        if (reconnectTimer != null) {
            reconnectTimer.cancel();
        }
        if (lingerTimer != null) {
            lingerTimer.cancel();
        }
        cancelConnectTimer();
        closeQuietly(pendingChannel);
        if (engine != null) {
            engine.close(SOCKET_CLOSED);
        }
        if (peer != null) {
            socket.detach(peer);
            peer.out().clear();
        }
        if (connecting) {
            socket.ioFinished();
        } else {
            Objects.requireNonNull(onFinish, "an accepted session reports to its listener").accept(this);
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static void closeQuietly(@Nullable SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
