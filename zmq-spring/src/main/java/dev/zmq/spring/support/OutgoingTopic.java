package dev.zmq.spring.support;

import dev.zmq.SocketType;
import dev.zmq.ZmqMessage;

/**
 * Puts a topic on an outgoing message the way the sending socket's type carries it: a RADIO sends it as the
 * message's group, a publisher (and any other type) as a first frame before the body. Stateless and thread-safe.
 */
public final class OutgoingTopic {

    private OutgoingTopic() {
    }

    /**
     * {@code body} under {@code topic} for a socket of {@code type}.
     *
     * @throws IllegalArgumentException for a RADIO group longer than 255 bytes
     */
    public static ZmqMessage apply(SocketType type, String topic, ZmqMessage body) {
        if (type == SocketType.RADIO) {
            return body.withGroup(topic);
        }
        ZmqMessage.Builder b = ZmqMessage.builder().add(topic);
        body.frames().forEach(b::add);
        return b.build();
    }
}
