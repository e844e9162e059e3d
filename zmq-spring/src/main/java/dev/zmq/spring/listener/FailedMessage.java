package dev.zmq.spring.listener;

import dev.zmq.ZmqMessage;
import dev.zmq.spring.support.ReceivedMessage;
import org.jspecify.annotations.Nullable;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A message whose listener threw, as the container hands it to its {@link ContainerErrorHandler}: the message, the
 * latest exception, the attempts so far, and the means to {@linkplain #retry() try again} and to
 * {@linkplain #recovered() count it parked}. Used by the one thread handling the message; not thread-safe.
 */
public final class FailedMessage {

    private final String listenerId;
    private final ReceivedMessage message;
    private final ZmqMessageListener listener;
    private final AtomicLong retries;
    private final AtomicLong deadLettered;
    private Exception error;
    private int attempts = 1;

    FailedMessage(String listenerId, ReceivedMessage message, Exception error, ZmqMessageListener listener,
                  AtomicLong retries, AtomicLong deadLettered) {
        this.listenerId = listenerId;
        this.message = message;
        this.error = error;
        this.listener = listener;
        this.retries = retries;
        this.deadLettered = deadLettered;
    }

    /** The listener's id. */
    public String listenerId() {
        return listenerId;
    }

    /** The message, as the listener was given it. */
    public ReceivedMessage message() {
        return message;
    }

    /** The latest attempt's exception. */
    public Exception error() {
        return error;
    }

    /** Attempts made so far, the first included. */
    public int attempts() {
        return attempts;
    }

    /**
     * Runs the listener on the message once more (counted in the container's retries).
     *
     * @return the listener's reply ({@code null} for none)
     * @throws Exception what the listener threw, which becomes {@link #error()}
     */
    public @Nullable ZmqMessage retry() throws Exception {
        attempts++;
        retries.incrementAndGet();
        try {
            return listener.onMessage(message);
        } catch (Exception e) {
            error = e;
            throw e;
        }
    }

    /** Counts the message as parked by a recoverer (the container's dead-letter count). */
    public void recovered() {
        deadLettered.incrementAndGet();
    }
}
