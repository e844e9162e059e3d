package dev.zmq.security;

import dev.zmq.Frame;
import dev.zmq.ZmqMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * A ZAP authentication request (RFC 27): who asks to connect, to which domain, with which mechanism and
 * credentials (none for NULL; user name and password for PLAIN; the 32-byte public key for CURVE). Immutable.
 *
 * @param requestId   correlates the reply
 * @param domain      the server socket's ZAP_DOMAIN
 * @param address     the peer's IP address (empty for ipc)
 * @param routingId   the peer's routing id
 * @param mechanism   {@code NULL}, {@code PLAIN} or {@code CURVE}
 * @param credentials the mechanism's credential frames
 */
public record ZapRequest(String requestId, String domain, String address, byte[] routingId, String mechanism,
                         List<byte[]> credentials) {

    /** The protocol version frame. */
    public static final String VERSION = "1.0";

    /** The frames on the wire, starting with the empty delimiter a REQ/REP or DEALER/ROUTER pair expects. */
    public ZmqMessage toMessage() {
        ZmqMessage.Builder b = ZmqMessage.builder().add(Frame.EMPTY).add(VERSION).add(requestId).add(domain)
                .add(address).add(Frame.wrap(routingId)).add(mechanism);
        credentials.forEach(c -> b.add(Frame.wrap(c)));
        return b.build();
    }

    /**
     * Reads a request as a handler receives it (after any envelope up to and including the empty delimiter).
     *
     * @throws IllegalArgumentException for a malformed request
     */
    public static ZapRequest parse(List<Frame> frames) {
        if (frames.size() < 6 || !frames.get(0).text().equals(VERSION)) {
            throw new IllegalArgumentException("malformed ZAP request: " + frames.size() + " frames");
        }
        List<byte[]> credentials = new ArrayList<>();
        for (int i = 6; i < frames.size(); i++) {
            credentials.add(frames.get(i).data());
        }
        return new ZapRequest(frames.get(1).text(), frames.get(2).text(), frames.get(3).text(), frames.get(4).data(),
                frames.get(5).text(), List.copyOf(credentials));
    }
}
