package dev.zmq;


import dev.zmq.security.Zap;
import dev.zmq.security.ZapAuthenticator;
import dev.zmq.security.ZapReply;
import dev.zmq.security.ZapRequest;

import java.util.List;

/**
 * A ZAP handler (RFC 27): binds {@link Zap#ENDPOINT} in a context and answers every authentication request its
 * PLAIN (and future CURVE) servers make, with the decision of a {@link ZapAuthenticator}, on a thread of its own.
 * While it runs, servers refuse whom it denies; once closed, they accept everyone again (libzmq's rule). Its ROUTER
 * is internal: not among {@link ZmqContext#sockets()}, so not in metrics or health.
 *
 * <p>Thread-safe. {@link #start} throws {@link ZmqException} EADDRINUSE when the context already has a handler.
 */
public final class ZapHandler implements AutoCloseable {

    private final ZmqSocket router;
    private final ZapAuthenticator authenticator;
    private final Thread thread;

    private ZapHandler(ZmqContext context, ZapAuthenticator authenticator) {
        this.authenticator = authenticator;
        this.router = context.internalSocket(SocketType.ROUTER, "zap-handler");
        router.bind(Zap.ENDPOINT);
        this.thread = new Thread(this::run, "zmq-zap-handler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a handler in {@code context} deciding with {@code authenticator}. */
    public static ZapHandler start(ZmqContext context, ZapAuthenticator authenticator) {
        return new ZapHandler(context, authenticator);
    }

    private void run() {
        try {
            while (true) {
                List<Frame> frames = router.recv().frames();
                int delimiter = 1;
                while (delimiter < frames.size() && !frames.get(delimiter).isEmpty()) {
                    delimiter++;
                }
                List<Frame> envelope = frames.subList(0, Math.min(delimiter + 1, frames.size()));
                router.send(answer(frames.subList(envelope.size(), frames.size())).toMessage(envelope));
            }
        } catch (ZmqException closed) {
            // close() ends the loop
        }
    }

    private ZapReply answer(List<Frame> request) {
        ZapRequest parsed;
        try {
            parsed = ZapRequest.parse(request);
        } catch (IllegalArgumentException malformed) {
            return new ZapReply(request.size() > 1 ? request.get(1).text() : "", "500",
                    String.valueOf(malformed.getMessage()), "");
        }
        try {
            return authenticator.authenticate(parsed);
        } catch (RuntimeException e) {
            return new ZapReply(parsed.requestId(), "500", "authenticator failed: " + e, "");
        }
    }

    @Override
    public void close() {
        router.close();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
