package dev.zmq.spring.core;

import dev.zmq.ErrorCode;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.spring.support.ZmqSocketSpec;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One socket made safe to share between threads, for {@link ZmqTemplate} and the Spring Integration components.
 * A DEALER gets a thread of its own that sends and receives, so any number of requests are in flight at once over
 * it; other types are shared through a lock held only to queue one message (REQ: until the reply, as REQ is
 * lock-step).
 *
 * <p>Thread-safe. Throws {@link ZmqException} as the socket does: EAGAIN on a send or reply timeout, ENOTSUP for
 * request-reply on a type other than REQ, DEALER and CLIENT, ETERM once closed.
 */
public interface SharedSocket extends AutoCloseable {

    /** Opens the socket {@code spec} describes in {@code context}. */
    static SharedSocket open(ZmqSocketSpec spec, ZmqContext context) {
        return spec.type() == SocketType.DEALER ? new DealerRequester(spec, context) : new LockedSocket(spec, context);
    }

    /** Sends {@code message}, waiting as SNDTIMEO allows. */
    void send(ZmqMessage message);

    /**
     * Sends {@code request} and waits for its reply. DEALER requests carry a correlation frame and an empty
     * delimiter first, as REP and ROUTER peers expect and echo; late replies to timed-out requests are dropped.
     *
     * @return the reply's body frames
     */
    ZmqMessage request(ZmqMessage request, Duration timeout);

    /**
     * As {@link #request}, without waiting: the future completes with the reply, or exceptionally with the
     * {@link ZmqException} (EAGAIN naming the socket when no reply comes within {@code timeout}). Over a DEALER many
     * requests are in flight at once; over REQ or CLIENT they go one after another, in the order asked.
     */
    CompletableFuture<ZmqMessage> requestAsync(ZmqMessage request, Duration timeout);

    /** Closes the socket; queued messages are still sent within LINGER. */
    @Override
    void close();

    /** The error for a reply that did not come in time. */
    static ZmqException noReply(ZmqSocketSpec spec, Duration timeout) {
        return new ZmqException(ErrorCode.EAGAIN, "no reply on socket '" + spec.name() + "' (" + spec.type()
                + ") within " + timeout.toMillis() + " ms");
    }
}
