package dev.zmq.io;

import dev.zmq.security.RefusedException;
import dev.zmq.wire.ProtocolException;

/**
 * Why a connection ended: a kind that code can act on (a session backs off longer after a refusal) and the detail
 * that monitor events show, naming what was wrong. Immutable.
 *
 * @param kind   what class of ending it was
 * @param detail the human-readable reason, e.g. {@code frame of 2147483648 bytes exceeds MAXMSGSIZE 1024}
 */
public record CloseReason(Kind kind, String detail) {

    /** The classes of endings. */
    public enum Kind {
        /** The peer closed its end. */
        PEER_CLOSED,
        /** Reading or writing the channel failed. */
        IO_ERROR,
        /** The peer broke ZMTP or its mechanism's rules (bad greeting, frame, command, size, metadata). */
        PROTOCOL_ERROR,
        /** The peer refused us: it sent ERROR during the handshake. */
        REFUSED,
        /** We refused the peer (incompatible socket type, failed authentication): ERROR sent, then closed. */
        REJECTED,
        /** The peer sent ERROR after the handshake. */
        PEER_ERROR,
        /** The handshake did not complete within HANDSHAKE_IVL. */
        HANDSHAKE_TIMEOUT,
        /** No traffic within the heartbeat timeout or the peer's TTL. */
        HEARTBEAT_TIMEOUT,
        /** Serving the connection threw (an {@link Error} such as OutOfMemoryError included). */
        INTERNAL_ERROR,
        /** Our side ended it: socket closed, peer disconnected by the socket, connection not registrable. */
        LOCAL
    }

    /** A reason of {@code kind} with {@code detail}. */
    public static CloseReason of(Kind kind, String detail) {
        return new CloseReason(kind, detail);
    }

    /** The reason for a protocol violation: {@link Kind#REFUSED} when the peer refused us, else a protocol error. */
    public static CloseReason of(ProtocolException e) {
        // a ProtocolException is always made with its reason
        return new CloseReason(e instanceof RefusedException ? Kind.REFUSED : Kind.PROTOCOL_ERROR,
                String.valueOf(e.getMessage()));
    }

    /** The reason for something thrown while serving the connection, naming the throwable's class and message. */
    public static CloseReason internal(Throwable t) {
        String m = t.getMessage();
        return new CloseReason(Kind.INTERNAL_ERROR, "internal error while serving the connection: "
                + t.getClass().getName() + (m == null ? "" : ": " + m));
    }

    @Override
    public String toString() {
        return detail;
    }
}
