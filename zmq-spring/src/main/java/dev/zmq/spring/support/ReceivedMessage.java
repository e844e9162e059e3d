package dev.zmq.spring.support;

import dev.zmq.Frame;
import dev.zmq.SocketType;
import dev.zmq.ZmqMessage;

import java.util.List;

/**
 * A received message taken apart the way its socket type frames it: the ROUTER envelope (routing id and any frames
 * up to the empty delimiter), the topic of a multipart SUB message, and the body the application wants. Immutable.
 *
 * @param envelope frames a reply must start with (ROUTER), else empty
 * @param topic    the first frame of a multipart message on SUB/XSUB as text, else {@code null}
 * @param body     the frames after envelope and topic
 * @param raw      every frame as received
 */
public record ReceivedMessage(List<Frame> envelope, String topic, List<Frame> body, ZmqMessage raw) {

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
    public byte[] routingId() {
        return envelope.isEmpty() ? null : envelope.get(0).data();
    }

    /** The first body frame's bytes (empty when the body has no frame): the payload listeners convert. */
    public byte[] payload() {
        return body.isEmpty() ? new byte[0] : body.get(0).data();
    }

    /** A reply to this message: the envelope followed by {@code reply}'s frames. */
    public ZmqMessage reply(ZmqMessage reply) {
        if (envelope.isEmpty()) {
            return reply;
        }
        ZmqMessage.Builder b = ZmqMessage.builder();
        envelope.forEach(b::add);
        reply.frames().forEach(b::add);
        return b.build();
    }
}
