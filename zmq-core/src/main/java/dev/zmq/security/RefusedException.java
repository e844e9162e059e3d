package dev.zmq.security;

import dev.zmq.wire.ProtocolException;

/**
 * The peer refused us during the handshake: it sent ERROR (bad credentials, unknown key, incompatible socket type).
 * A connecting session backs off longer after one, so a refused client never retries in a storm.
 */
public final class RefusedException extends ProtocolException {

    /** A refusal with the peer's ERROR reason. */
    public RefusedException(String peerReason) {
        super(Mechanism.REFUSED + peerReason);
    }
}
