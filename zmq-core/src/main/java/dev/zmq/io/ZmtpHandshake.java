package dev.zmq.io;

import dev.zmq.security.HandshakeChannel;
import dev.zmq.security.Mechanism;
import dev.zmq.wire.Command;
import dev.zmq.wire.Greeting;
import dev.zmq.wire.Metadata;
import dev.zmq.wire.ProtocolException;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The handshake of a {@link StreamEngine}: the peer's greeting, the mechanism's steps, and the checks of the peer's
 * READY (socket types that fit, a valid identity). It is the mechanism's view of the connection
 * ({@link HandshakeChannel}).
 *
 * <p>Until the handshake completes, every frame from the peer is bounded by {@link #COMMAND_LIMIT}: an
 * unauthenticated peer cannot make the connection hold more than that, whatever it claims.
 *
 * <p>Not thread-safe: runs on the engine's I/O thread, except {@link #onIoThread}, which any thread may call.
 */
final class ZmtpHandshake implements HandshakeChannel {

    /**
     * Largest frame accepted before the handshake completes, in bytes: greeting-phase commands (HELLO, INITIATE,
     * READY with its metadata) are far smaller; an Identity is at most 255 bytes.
     */
    static final int COMMAND_LIMIT = 16 * 1024;

    private final StreamEngine engine;
    private final Mechanism mechanism;
    private int peerMinor;

    ZmtpHandshake(StreamEngine engine, Mechanism mechanism) {
        this.engine = engine;
        this.mechanism = mechanism;
    }

    /** The peer's greeting arrived: check its mechanism and start ours. */
    void onGreeting(Greeting g) {
        if (!g.mechanism().equals(mechanism.name())) {
            throw new ProtocolException("security mechanism mismatch: we use " + mechanism.name()
                    + ", the peer uses " + g.mechanism());
        }
        peerMinor = g.minor();
        mechanism.start(this);
    }

    /** A handshake command from the peer. */
    void onCommand(Command c) {
        mechanism.onCommand(c, this);
    }

    @Override
    public void send(Command command) {
        engine.outbound().queueRaw(command);
    }

    @Override
    public void completed(Metadata peerMetadata, String userId) {
        String peerType = peerMetadata.getText(Metadata.SOCKET_TYPE);
        if (peerType == null) {
            throw new ProtocolException("peer's READY has no Socket-Type property");
        }
        if (!engine.config().type().isCompatibleWith(peerType)) {
            refuse("incompatible socket type: " + engine.config().type() + " cannot talk to " + peerType);
            return;
        }
        byte[] identity = peerMetadata.get(Metadata.IDENTITY);
        if (identity != null && identity.length > 0 && identity[0] == 0) {
            throw new ProtocolException("peer's Identity starts with a zero byte");
        }
        if (identity != null && identity.length > 255) {
            throw new ProtocolException("peer's Identity has " + identity.length + " bytes (at most 255)");
        }
        PeerInfo info = new PeerInfo(engine.remote(), peerType, peerMinor, peerMetadata, mechanism.name(), userId);
        engine.handshakeComplete(info, messageProperties(peerMetadata, userId));
    }

    /** What {@link dev.zmq.ZmqMessage#property} answers for this connection's messages. */
    private Map<String, String> messageProperties(Metadata peerMetadata, String userId) {
        Map<String, String> p = new HashMap<>();
        peerMetadata.asMap().forEach((k, v) -> p.put(k, new String(v, StandardCharsets.UTF_8)));
        p.put("Peer-Address", peerAddress());
        if (!userId.isEmpty()) {
            p.put("User-Id", userId);
        }
        return Map.copyOf(p);
    }

    @Override
    public void refuse(String reason) {
        engine.sendErrorAndClose(CloseReason.of(CloseReason.Kind.REJECTED, reason));
    }

    @Override
    public void onIoThread(Runnable task) {
        engine.io().execute(engine.guarded(() -> {
            if (!engine.isHandshaking()) {
                return;
            }
            try {
                task.run();
            } catch (ProtocolException e) {
                engine.close(CloseReason.of(e));
                return;
            }
            engine.outbound().flush();
        }));
    }

    @Override
    public String peerAddress() {
        String remote = engine.remote();
        if (!remote.startsWith("tcp://")) {
            return "";
        }
        String rest = remote.substring("tcp://".length());
        int colon = rest.lastIndexOf(':');
        String host = colon < 0 ? rest : rest.substring(0, colon);
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
}
