package dev.zmq.spring.listener;

import org.jspecify.annotations.Nullable;
import java.time.Instant;

/**
 * Why a listener container is not receiving although nobody stopped it: its socket failed and it is waiting to
 * restart, or it gave up. Shown by the {@code zmq} health indicator and logged. Immutable.
 *
 * @param error     the failure, named as {@code ExceptionClass: message}
 * @param since     when it failed
 * @param restarts  restarts made so far in this container's life
 * @param retryAt   when the next restart is due, or {@code null} when it gave up
 */
public record ListenerFailure(String error, Instant since, long restarts, @Nullable Instant retryAt) {

    /** Whether the container gave up restarting (it reports not running). */
    public boolean givenUp() {
        return retryAt == null;
    }

    @Override
    public String toString() {
        return (givenUp() ? "gave up after " + restarts + " restarts: " : "restarting at " + retryAt + " after: ")
                + error + " (since " + since + ")";
    }
}
