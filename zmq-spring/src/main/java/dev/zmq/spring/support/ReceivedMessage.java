package dev.zmq.spring.support;

import dev.zmq.Frame;
import dev.zmq.SocketType;
import dev.zmq.ZmqMessage;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A received message taken apart the way its socket type frames it: the ROUTER envelope (routing id and any frames
 * up to the empty delimiter), the topic of a multipart SUB message, and the body the application wants; a SERVER's
 * routing id and a DISH's group travel on the message itself. Immutable.
 *
 * @param envelope frames a reply must start with (ROUTER), else empty
 * @param topic    the first frame of a multipart message on SUB/XSUB as text, else {@code null}
 * @param body     the frames after envelope and topic
 * @param raw      every frame as received
 */
public record ReceivedMessage(List<Frame> envelope, @Nullable String topic, List<Frame> body, ZmqMessage raw) {

    /** Splits {@code message} as received by a socket whose frames look like those of {@code framing}. */
    public static ReceivedMessage split(ZmqMessage message, SocketType framing) {
        List<Frame> frames = message.frames();
        return switch (framing) {
            case ROUTER -> {
                int delimiter = 1;
                while (delimiter < frames.size() && frames.get(delimiter).size() > 0) {
                    delimiter++;
                }
                int bodyStart = delimiter < frames.size() ? delimiter + 1 : 1;
                yield new ReceivedMessage(frames.subList(0, bodyStart), null, frames.subList(bodyStart, frames.size()),
                        message);
            }
            case SUB, XSUB -> frames.size() > 1
                    ? new ReceivedMessage(List.of(), frames.get(0).text(), frames.subList(1, frames.size()), message)
                    : new ReceivedMessage(List.of(), null, frames, message);
            default -> new ReceivedMessage(List.of(), null, frames, message);
        };
    }

    /** The sender's routing id (ROUTER), or {@code null}. */
    public byte @Nullable [] routingId() {
        return envelope.isEmpty() ? null : envelope.get(0).data();
    }

    /**
     * Puts what the frames told into {@code headers}: {@link ZmqHeaders#RECEIVED_MESSAGE}, and when present
     * {@link ZmqHeaders#TOPIC}, {@link ZmqHeaders#ROUTING_ID} (ROUTER: bytes; SERVER, PEER: an Integer) and
     * {@link ZmqHeaders#GROUP}.
     */
    public void addHeadersTo(Map<String, Object> headers) {
        headers.put(ZmqHeaders.RECEIVED_MESSAGE, raw);
        if (topic != null) {
            headers.put(ZmqHeaders.TOPIC, topic);
        }
        if (!envelope.isEmpty()) {
            headers.put(ZmqHeaders.ROUTING_ID, envelope.get(0).data());
        } else if (raw.routingId() != 0) {
            headers.put(ZmqHeaders.ROUTING_ID, raw.routingId());
        }
        if (raw.group() != null) {
            headers.put(ZmqHeaders.GROUP, raw.group());
        }
    }

    /** The first body frame's bytes (empty when the body has no frame): the payload listeners convert. */
    public byte[] payload() {
        return body.isEmpty() ? new byte[0] : body.get(0).data();
    }

    /** A reply to this message: the envelope followed by {@code reply}'s frames, or addressed to a SERVER's peer. */
    public ZmqMessage reply(ZmqMessage reply) {
        if (raw.routingId() != 0) {
            return reply.withRoutingId(raw.routingId());
        }
        if (envelope.isEmpty()) {
            return reply;
        }
        ZmqMessage.Builder b = ZmqMessage.builder();
        envelope.forEach(b::add);
        reply.frames().forEach(b::add);
        return b.build();
    }
}
