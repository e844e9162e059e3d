package dev.zmq.wire;

/**
 * A peer broke the ZMTP protocol (bad greeting, bad frame, oversized frame, bad command). The connection that
 * raised it is closed; the message says what was wrong and is passed to monitors as the reason.
 */
public class ProtocolException extends RuntimeException {

    /** An exception whose message is the reason shown in monitor events. */
    public ProtocolException(String reason) {
        super(reason);
    }
}
