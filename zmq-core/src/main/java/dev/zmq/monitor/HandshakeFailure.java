package dev.zmq.monitor;

import java.util.Locale;

/**
 * Why a handshake failed, in a few stable kinds fit for metric tags (the event's detail keeps the full reason).
 */
public enum HandshakeFailure {
    /** The peer's socket type cannot talk to ours. */
    SOCKET_TYPE,
    /** The peer uses another security mechanism, or authentication failed. */
    MECHANISM,
    /** The handshake did not complete within HANDSHAKE_IVL. */
    TIMEOUT,
    /** The connection closed or failed during the handshake. */
    CONNECTION,
    /** The peer broke the protocol (bad greeting, malformed command, ...). */
    PROTOCOL;

    /** The tag value, e.g. {@code socket-type}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of a HANDSHAKE_FAILED event's detail. */
    public static HandshakeFailure of(String detail) {
        if (detail.contains("cannot talk to")) {
            return SOCKET_TYPE;
        }
        if (detail.contains("mechanism") || detail.contains("authentic")) {
            return MECHANISM;
        }
        if (detail.contains("did not complete within")) {
            return TIMEOUT;
        }
        if (detail.contains("peer closed") || detail.contains("connection error")) {
            return CONNECTION;
        }
        return PROTOCOL;
    }
}
