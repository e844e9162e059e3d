package dev.zmq.spring.mongrel2;

import org.jspecify.annotations.Nullable;

/**
 * A message that does not follow Mongrel2's handler protocol: a bad netstring, a length that does not match, headers
 * that are not a JSON or tnetstring dictionary, a JSON message body that is not JSON. Carries the sender's UUID when
 * the message got that far. It has no stack trace: the reason says everything, and malformed input is the peer's
 * fault, not the code's.
 */
public final class Mongrel2ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String sender;

    /**
     * @param sender the server UUID the message started with, or {@code null} when it had none
     * @param reason what is wrong, for the log
     */
    public Mongrel2ProtocolException(@Nullable String sender, String reason) {
        super(reason, null, false, false);
        this.sender = sender;
    }

    /** The UUID of the Mongrel2 server that sent the message, or {@code null} when the message did not name one. */
    public @Nullable String sender() {
        return sender;
    }
}
