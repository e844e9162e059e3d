package dev.zmq.spring.support;

/**
 * The keys of a dead letter's header frame, as {@code DeadLetterSocket} writes it: a message parked after its
 * listener failed on every attempt is sent as a JSON object of these headers, followed by the message's body frames
 * as they arrived. Read it with {@code converter.fromZmqMessage(ZmqMessage.of(letter.first()), Map.class)}.
 * Constants only.
 */
public final class ZmqDeadLetterHeaders {

    /** The id of the listener that failed (text). */
    public static final String LISTENER_ID = "listenerId";
    /** The class name of the last attempt's exception (text). */
    public static final String EXCEPTION = "exception";
    /** The last attempt's exception message (text; {@code "null"} when it had none). */
    public static final String EXCEPTION_MESSAGE = "message";
    /** Attempts made, the first included (number). */
    public static final String ATTEMPTS = "attempts";
    /** The topic the message arrived under, when its socket subscribes (text; absent otherwise). */
    public static final String TOPIC = "topic";
    /**
     * The sender's routing id when the message came through a ROUTER (hex text) or a SERVER (its number); absent
     * otherwise.
     */
    public static final String ROUTING_ID = "routingId";

    private ZmqDeadLetterHeaders() {
    }
}
