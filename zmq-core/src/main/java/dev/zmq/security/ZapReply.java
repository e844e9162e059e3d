package dev.zmq.security;

import dev.zmq.Frame;
import dev.zmq.ZmqMessage;

import java.util.List;

/**
 * A ZAP reply (RFC 27): {@code 200} allows the peer (with a user id), {@code 300} is a temporary failure,
 * {@code 400} denies, {@code 500} is a handler error. Immutable.
 *
 * @param requestId  the request answered
 * @param statusCode {@code 200}, {@code 300}, {@code 400} or {@code 500}
 * @param statusText why, for logs and the refused peer's ERROR
 * @param userId     the authenticated user (200 only)
 */
public record ZapReply(String requestId, String statusCode, String statusText, String userId) {

    /** Allows the peer as {@code userId}. */
    public static ZapReply allow(ZapRequest request, String userId) {
        return new ZapReply(request.requestId(), "200", "OK", userId);
    }

    /** Denies the peer because {@code reason}. */
    public static ZapReply deny(ZapRequest request, String reason) {
        return new ZapReply(request.requestId(), "400", reason, "");
    }

    /** Whether the peer is allowed. */
    public boolean allowed() {
        return statusCode.equals("200");
    }

    /** The frames on the wire (after the envelope), with empty metadata. */
    public ZmqMessage toMessage(List<Frame> envelope) {
        ZmqMessage.Builder b = ZmqMessage.builder();
        envelope.forEach(b::add);
        return b.add(ZapRequest.VERSION).add(requestId).add(statusCode).add(statusText).add(userId).add(Frame.EMPTY)
                .build();
    }

    /**
     * Reads a reply as the requester receives it (after the empty delimiter).
     *
     * @throws IllegalArgumentException for a malformed reply
     */
    public static ZapReply parse(List<Frame> frames) {
        if (frames.size() < 5 || !frames.get(0).text().equals(ZapRequest.VERSION)) {
            throw new IllegalArgumentException("malformed ZAP reply: " + frames.size() + " frames");
        }
        return new ZapReply(frames.get(1).text(), frames.get(2).text(), frames.get(3).text(), frames.get(4).text());
    }
}
