package dev.zmq.io;

import dev.zmq.SocketOption;
import dev.zmq.ZmqMessage;
import dev.zmq.monitor.TrafficCounters;
import dev.zmq.pipe.Peer;
import dev.zmq.security.Mechanism;
import dev.zmq.wire.Command;
import dev.zmq.wire.FrameDecoder;
import dev.zmq.wire.Greeting;
import dev.zmq.wire.Subscription;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One ZMTP 3.x connection over a stream channel (TCP, Unix domain sockets): it ties the {@link ZmtpHandshake}, the
 * {@link Inbound} and {@link Outbound} halves and the peer's pipes to the selector, and owns the connection's
 * timers (handshake deadline, heartbeats) and its end.
 *
 * <p>Batching: a write drains as many queued messages as fit into one buffer and writes them with one call; a read
 * decodes every whole frame in what arrived. The engine is woken to write only on the empty to non-empty edge of the
 * outbound pipe. At the inbound pipe's HWM it stops reading until the socket has drained it.
 *
 * <p>Whatever goes wrong while serving the connection, a protocol violation or an {@link Error} thrown on the I/O
 * thread, closes this connection alone with a {@link CloseReason} naming what happened.
 *
 * <p>Thread-safety: everything runs on the owning {@link IoThread} except {@link #scheduleWrite()}, which any
 * thread may call.
 */
public final class StreamEngine implements IoHandler {

    private enum State { GREETING, HANDSHAKE, ACTIVE, ERROR_SENT, CLOSED }

    private final IoThread io;
    private final SocketChannel channel;
    private final EngineOwner owner;
    private final ConnectionConfig config;
    private final String remote;
    private final Mechanism mechanism;
    private final TrafficCounters socketTraffic;
    private final FrameDecoder decoder;
    private final ZmtpHandshake handshake;
    private final Inbound inbound;
    private final Outbound outbound;

    private @Nullable SelectionKey key;
    /** Written by the I/O thread; read by an application thread writing directly. */
    private volatile State state = State.GREETING;
    /** The peer's pipes, from the handshake on. */
    private @Nullable Peer peer;
    /** Why we refused the peer, once we did ({@link State#ERROR_SENT}). */
    private @Nullable CloseReason errorReason;
    private long lastReceivedNanos = System.nanoTime();
    private @Nullable IoTimer handshakeTimer;
    private @Nullable IoTimer heartbeatTimer;
    private @Nullable IoTimer heartbeatTimeoutTimer;
    private @Nullable IoTimer ttlTimer;

    /**
     * An engine for a connected {@code channel}; call {@link #start()} on the I/O thread.
     *
     * @param remote the peer's address as shown in events, e.g. {@code tcp://127.0.0.1:40000}
     */
    public StreamEngine(IoThread io, SocketChannel channel, EngineOwner owner, ConnectionConfig config, String remote,
                        TrafficCounters socketTraffic) {
        this.io = io;
        this.channel = channel;
        this.owner = owner;
        this.config = config;
        this.remote = remote;
        this.socketTraffic = socketTraffic;
        this.mechanism = config.newMechanism();
        this.decoder = new FrameDecoder(-1);
        decoder.limit(ZmtpHandshake.COMMAND_LIMIT, "the handshake's bound before authentication");
        this.handshake = new ZmtpHandshake(this, mechanism);
        this.inbound = new Inbound(this, channel, decoder);
        this.outbound = new Outbound(this, channel, io.outputBuffers(), mechanism);
    }

    /** The peer's address. */
    public String remote() {
        return remote;
    }

    /** Registers with the selector, arms the handshake deadline (HANDSHAKE_IVL) and sends our greeting. */
    public void start() {
        try {
            channel.configureBlocking(false);
            key = io.register(channel, SelectionKey.OP_READ, this);
        } catch (IOException e) {
            close(CloseReason.of(CloseReason.Kind.LOCAL, "cannot register connection: " + e.getMessage()));
            return;
        }
        long handshakeMillis = config.options().get(SocketOption.HANDSHAKE_IVL).toMillis();
        if (handshakeMillis > 0) {
            handshakeTimer = io.schedule(handshakeMillis * 1_000_000L, guarded(() -> {
                if (isHandshaking()) {
                    close(CloseReason.of(CloseReason.Kind.HANDSHAKE_TIMEOUT,
                            "handshake did not complete within HANDSHAKE_IVL " + handshakeMillis + " ms"));
                }
            }));
        }
        outbound.greet(Greeting.ours(mechanism.name(), mechanism.asServer()));
        outbound.flush();
    }

    /** Asks the I/O thread to write queued messages; safe from any thread, cheap when already asked. */
    public void scheduleWrite() {
        outbound.scheduleWrite();
    }

    /** Finish writing what is queued, then close (socket close with linger). I/O thread only. */
    public void closeWhenDrained() {
        outbound.linger();
    }

    @Override
    public void onReady(SelectionKey k) {
        if (k.isReadable()) {
            inbound.read();
        }
        if (isOpen() && k.isValid() && k.isWritable()) {
            outbound.flush();
        }
    }

    @Override
    public void failed(SelectionKey k, Throwable error) {
        close(CloseReason.internal(error));
    }

    /** {@code task} run so that anything it throws (an {@link Error} included) closes this connection alone. */
    Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                close(CloseReason.internal(e));
            }
        };
    }

    // ---------------------------------------------------------------- what the halves ask

    IoThread io() {
        return io;
    }

    ConnectionConfig config() {
        return config;
    }

    Mechanism mechanism() {
        return mechanism;
    }

    Outbound outbound() {
        return outbound;
    }

    /** The peer's pipes; only once {@link #isActive()}. */
    Peer peer() {
        return Objects.requireNonNull(peer, "the peer is known from the handshake on");
    }

    boolean isOpen() {
        return state != State.CLOSED;
    }

    boolean isActive() {
        return state == State.ACTIVE;
    }

    boolean isHandshaking() {
        return state == State.GREETING || state == State.HANDSHAKE;
    }

    /** Whether what the peer sends is still decoded (not after an ERROR went out, nor once closed). */
    boolean isReading() {
        return isHandshaking() || state == State.ACTIVE;
    }

    boolean awaitsGreeting() {
        return state == State.GREETING;
    }

    /** Bytes arrived: the peer is alive. */
    void trafficSeen() {
        lastReceivedNanos = System.nanoTime();
        if (ttlTimer != null) {
            ttlTimer.cancel();
            ttlTimer = null;
        }
    }

    void countReceived(long messages, long bytes) {
        peer().traffic().received(messages, bytes);
        socketTraffic.received(messages, bytes);
    }

    void countSent(long messages, long bytes) {
        if (peer != null) {
            peer.traffic().sent(messages, bytes);
            socketTraffic.sent(messages, bytes);
        }
    }

    // ---------------------------------------------------------------- handshake

    void onGreeting(Greeting g) {
        handshake.onGreeting(g);
        state = State.HANDSHAKE;
        outbound.flush();
    }

    /** A command from the peer: a handshake step, or PING, PONG, subscriptions and ERROR once active. */
    void onCommand(Command c) {
        if (state == State.HANDSHAKE) {
            handshake.onCommand(c);
            outbound.flush();
            return;
        }
        switch (c.name()) {
            case Command.PING -> {
                long ttl = c.pingTtlMillis();
                outbound.queue(c.pong());
                if (ttl > 0 && ttlTimer == null) {
                    ttlTimer = io.schedule(ttl * 1_000_000L, guarded(() -> close(CloseReason.of(
                            CloseReason.Kind.HEARTBEAT_TIMEOUT,
                            "no traffic within the peer's heartbeat TTL of " + ttl + " ms"))));
                }
                outbound.flush();
            }
            case Command.SUBSCRIBE, Command.CANCEL, Command.JOIN, Command.LEAVE -> {
                boolean on = c.is(config.subscriptionCommand(true));
                if (config.receivesSubscriptions() && (on || c.is(config.subscriptionCommand(false)))) {
                    ZmqMessage m = Subscription.of(c, on).toMessage();
                    inbound.deliver(m, m.data(0).length);
                }
            }
            case Command.ERROR -> close(CloseReason.of(CloseReason.Kind.PEER_ERROR,
                    "peer sent ERROR: " + c.errorReason()));
            default -> {
                // PONG only proves liveness (already noted by the read); unknown commands are ignored (RFC 37)
            }
        }
    }

    /** The handshake succeeded: the peer joins its socket, its messages carry {@code messageProperties}. */
    void handshakeComplete(PeerInfo info, Map<String, String> messageProperties) {
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
        }
        state = State.ACTIVE;
        decoder.limit(config.options().get(SocketOption.MAXMSGSIZE), "MAXMSGSIZE");
        peer = owner.handshakeDone(this, info);
        inbound.activate(messageProperties);
        outbound.activate(owner.preamble(), config.subscribesWithCommands(info.zmtpMinor()),
                config.subscriptionCommand(true), config.subscriptionCommand(false));
        peer.in().onWritable(() -> io.execute(guarded(inbound::resume)));
        // a sealing mechanism (CURVE) keeps its encryption on the I/O thread
        boolean always = config.writesDirectly();
        peer.out().onReadable(mechanism.encrypts() ? outbound::scheduleWrite
                : () -> outbound.writeDirectlyOrSchedule(always));
        startHeartbeats();
    }

    /** We refuse the peer: ERROR goes out, nothing more is read, and the connection closes once it is written. */
    void sendErrorAndClose(CloseReason reason) {
        errorReason = reason;
        outbound.queueRaw(Command.error(reason.detail()));
        state = State.ERROR_SENT;
        setInterest(SelectionKey.OP_READ, false);
    }

    // ---------------------------------------------------------------- heartbeats

    private void startHeartbeats() {
        long ivl = config.options().get(SocketOption.HEARTBEAT_IVL).toNanos();
        if (ivl > 0) {
            heartbeatTimer = io.schedule(ivl, guarded(this::heartbeat));
        }
    }

    private void heartbeat() {
        if (state != State.ACTIVE) {
            return;
        }
        long ivl = config.options().get(SocketOption.HEARTBEAT_IVL).toNanos();
        long timeout = config.options().get(SocketOption.HEARTBEAT_TIMEOUT).toNanos();
        long effectiveTimeout = timeout > 0 ? timeout : ivl;
        outbound.queue(Command.ping(config.options().get(SocketOption.HEARTBEAT_TTL).toMillis(), new byte[0]));
        if (heartbeatTimeoutTimer == null) {
            long pingAt = System.nanoTime();
            heartbeatTimeoutTimer = io.schedule(effectiveTimeout, guarded(() -> {
                heartbeatTimeoutTimer = null;
                if (lastReceivedNanos - pingAt < 0) {
                    close(CloseReason.of(CloseReason.Kind.HEARTBEAT_TIMEOUT, "heartbeat timeout: no traffic for "
                            + effectiveTimeout / 1_000_000 + " ms after a PING"));
                }
            }));
        }
        heartbeatTimer = io.schedule(ivl, guarded(this::heartbeat));
        outbound.flush();
    }

    // ---------------------------------------------------------------- writing and closing

    /** Everything queued is written: an ERROR we sent now lets the connection close. */
    void outboundDrained() {
        if (state == State.ERROR_SENT) {
            close(Objects.requireNonNull(errorReason, "ERROR_SENT with its reason"));
        }
    }

    /** Everything queued for the peer is written while lingering. */
    void drained() {
        owner.drained(this);
    }

    void setInterest(int op, boolean on) {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = key.interestOps();
        int next = on ? ops | op : ops & ~op;
        if (next != ops) {
            key.interestOps(next);
        }
    }

    /** Closes the connection now and tells the owner why. I/O thread only; does nothing when already closed. */
    public void close(CloseReason reason) {
        if (state == State.CLOSED) {
            return;
        }
        boolean handshaken = state == State.ACTIVE;
        state = State.CLOSED;
        for (IoTimer t : new IoTimer[] {handshakeTimer, heartbeatTimer, heartbeatTimeoutTimer, ttlTimer}) {
            if (t != null) {
                t.cancel();
            }
        }
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the connection is gone either way
        }
        outbound.release();
        if (peer != null) {
            peer.out().onReadable(null);
            peer.in().onWritable(null);
        }
        owner.engineClosed(this, reason, handshaken);
    }

    @Override
    public String toString() {
        return "StreamEngine[" + remote + "]";
    }
}
