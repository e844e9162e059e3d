package dev.zmq.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A server mechanism's question to the ZAP handler: accepted at once when none is bound (libzmq's rule), otherwise
 * the handler's answer continues the handshake on the connection's I/O thread, or refuses the peer with its status.
 * Stateless and thread-safe.
 */
final class ZapCheck {

    private static final AtomicLong REQUESTS = new AtomicLong();

    private ZapCheck() {
    }

    /** Asks about a peer presenting {@code credentials}; {@code allowed} gets its user id. */
    static void authenticate(Zap zap, String domain, String mechanism, List<byte[]> credentials,
                             HandshakeChannel channel, Consumer<String> allowed) {
        if (!zap.handlerBound()) {
            allowed.accept("");
            return;
        }
        ZapRequest request = new ZapRequest(Long.toString(REQUESTS.incrementAndGet()), domain, channel.peerAddress(),
                new byte[0], mechanism, credentials);
        zap.authenticate(request, reply -> channel.onIoThread(() -> {
            if (reply.allowed()) {
                allowed.accept(reply.userId());
            } else {
                channel.refuse("authentication failed: " + reply.statusCode() + " " + reply.statusText());
            }
        }));
    }
}
