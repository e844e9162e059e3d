package dev.zmq.spring.test;

import dev.zmq.Frame;
import dev.zmq.ZmqMessage;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One message the application sent on a socket, as a {@link Capture} received it, taken apart as a listener would
 * see it: the topic of a PUB's multipart message, the sender's routing id behind a DEALER or REQ, the body frames
 * (without the trace envelope of a socket with propagation on). Immutable.
 *
 * @param topic     the first frame of a published multipart message, as text; {@code null} otherwise
 * @param routingId the routing id of the application's DEALER or REQ that sent it; {@code null} otherwise
 * @param body      the frames the application sent, after envelope and topic
 * @param raw       every frame as the capture's socket received it
 */
public record CapturedMessage(@Nullable String topic, byte @Nullable [] routingId, List<Frame> body, ZmqMessage raw) {

    /** Copies the body. */
    public CapturedMessage {
        body = List.copyOf(body);
    }

    /** The first body frame as UTF-8 text (empty when the body has no frame). */
    public String text() {
        return body.isEmpty() ? "" : body.get(0).text();
    }

    /** The first body frame's bytes (empty when the body has no frame). */
    public byte[] payload() {
        return body.isEmpty() ? new byte[0] : body.get(0).data();
    }
}
