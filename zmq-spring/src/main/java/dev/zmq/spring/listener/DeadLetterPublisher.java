package dev.zmq.spring.listener;

import dev.zmq.spring.support.ReceivedMessage;

/**
 * Where a message goes once its listener failed on every attempt (after the retries), so nothing is lost silently:
 * a named socket ({@link DeadLetterSocket}) or anything an application provides. Implementations must be
 * thread-safe (listeners with concurrency call it from several threads); what they throw is logged, not retried.
 */
@FunctionalInterface
public interface DeadLetterPublisher {

    /**
     * Parks {@code message}, which listener {@code listenerId} failed to handle {@code attempts} times, the last
     * time with {@code error}.
     */
    void publish(String listenerId, ReceivedMessage message, Throwable error, int attempts);
}
