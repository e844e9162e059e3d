package dev.zmq.spring.listener;

import dev.zmq.spring.support.ReceivedMessage;
import org.jspecify.annotations.Nullable;

/**
 * Decides what happens when a listener throws. Implementations must be thread-safe: concurrent workers call it.
 */
@FunctionalInterface
public interface ZmqErrorHandler {

    /**
     * Handles {@code error}, thrown while handling {@code message} by listener {@code listenerId}.
     *
     * @return the reply payload a waiting requester gets (listeners on sockets that
     *     {@linkplain dev.zmq.SocketType#replies() reply}: REP, ROUTER, SERVER, PEER), converted like a listener's
     *     return value; {@code null} for the container's default error reply (a bare {@code ERROR}, with the
     *     exception's class and message only when {@code returnExceptions} is on)
     */
    @Nullable Object handleError(String listenerId, ReceivedMessage message, Exception error);
}
