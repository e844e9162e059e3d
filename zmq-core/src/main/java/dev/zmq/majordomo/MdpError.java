package dev.zmq.majordomo;

/**
 * The kinds of bad input an MDP peer can send, as the broker counts them
 * ({@link BrokerStatistics#protocolErrors()}) and reports them ({@link MajordomoEvent.Type#PROTOCOL_ERROR}).
 *
 * <p>Immutable and thread-safe.
 */
public enum MdpError {
    /** Fewer frames than the message's kind needs. */
    TOO_FEW_FRAMES,
    /** A frame that must be empty (the leading one, or the envelope delimiter) is not. */
    MISSING_EMPTY_FRAME,
    /** The protocol header is neither {@code MDPC01} nor {@code MDPW01}. */
    WRONG_HEADER,
    /** The command frame is not one byte naming one of RFC 7's five commands. */
    UNKNOWN_COMMAND,
    /** A valid command the peer may not send now: a second READY, a REQUEST from a worker, ... */
    UNEXPECTED_COMMAND,
    /** A REPLY or HEARTBEAT from a worker the broker does not know (it never said READY, or it expired). */
    UNKNOWN_WORKER,
    /** A worker tried to register a service in the reserved {@code mmi.} namespace (RFC 8). */
    RESERVED_SERVICE,
    /** More frames than the command allows (READY, HEARTBEAT and DISCONNECT have a fixed size). */
    TOO_MANY_FRAMES
}
