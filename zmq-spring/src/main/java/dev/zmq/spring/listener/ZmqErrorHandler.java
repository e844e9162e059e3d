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
     * @return the reply payload a waiting requester gets (REP and ROUTER listeners), converted like a listener's return
     *     value; {@code null} for the container's default error reply ({@code ERROR} and the exception's message)
     */
    @Nullable Object handleError(String listenerId, ReceivedMessage message, Exception error);
}
