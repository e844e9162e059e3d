package dev.zmq.spring.support;

/**
 * Names of the message headers a ZeroMQ listener's {@link org.springframework.messaging.Message} carries, for
 * {@code @Header(ZmqHeaders.TOPIC)} and friends. Constants only.
 */
public final class ZmqHeaders {

    /** The topic frame of a multipart message from a SUB/XSUB socket, as a UTF-8 {@code String}. */
    public static final String TOPIC = "zmq_topic";
    /**
     * The sender's routing id: a {@code byte[]} for a message from a ROUTER socket, an {@code Integer} for one from a
     * SERVER or PEER socket.
     */
    public static final String ROUTING_ID = "zmq_routingId";
    /** The group ({@code String}) of a message a DISH received; sets the group of a message sent through a RADIO. */
    public static final String GROUP = "zmq_group";
    /** The name of the socket (the configured name, or the listener id for inline sockets). */
    public static final String SOCKET = "zmq_socket";
    /** The id of the listener the message was handed to. */
    public static final String LISTENER_ID = "zmq_listenerId";
    /** The whole message as received, every frame, as a {@link dev.zmq.ZmqMessage}. */
    public static final String RECEIVED_MESSAGE = "zmq_receivedMessage";

    private ZmqHeaders() {
    }
}
