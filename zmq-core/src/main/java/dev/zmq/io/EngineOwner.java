package dev.zmq.io;

import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;

import java.util.List;

/**
 * What a {@link StreamEngine} reports to: the session that owns the connection. Called on the engine's I/O thread.
 */
public interface EngineOwner {

    /**
     * The handshake completed.
     *
     * @return the peer whose pipes the engine moves messages through
     */
    Peer handshakeDone(StreamEngine engine, PeerInfo info);

    /** Messages to send before anything queued (subscriptions a reconnected SUB must resend). */
    List<ZmqMessage> preamble();

    /** The connection ended; {@code handshaken} tells whether the handshake had completed. */
    void engineClosed(StreamEngine engine, CloseReason reason, boolean handshaken);

    /** Everything queued for the peer has been written (used while lingering). */
    void drained(StreamEngine engine);
}
