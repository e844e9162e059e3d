package dev.zmq.spring.listener;

import org.jspecify.annotations.Nullable;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import java.time.Duration;
import java.time.Instant;

/**
 * When a listener whose socket failed is restarted: the delays of a {@link BackOff}, counted over failures in a
 * row; a run that lasted {@link #STREAK} before it failed starts a new sequence, so a listener that fails once a day
 * never runs out of restarts. Not thread-safe: its container calls it under its own lock.
 */
final class RestartPolicy {

    /** A run that lasted this long before it failed starts a new back-off sequence. */
    static final Duration STREAK = Duration.ofMinutes(1);

    private final BackOff backOff;
    private @Nullable BackOffExecution sequence;

    RestartPolicy(BackOff backOff) {
        this.backOff = backOff;
    }

    /** Forgets earlier failures (the container was started or stopped by hand). */
    void reset() {
        sequence = null;
    }

    /**
     * The delay before the next restart after a failure at {@code now}, or {@link BackOffExecution#STOP} to give up.
     *
     * @param runStartedAt when the run that failed started, or {@code null} when a restart could not even open it
     */
    long nextDelay(@Nullable Instant runStartedAt, Instant now) {
        BackOffExecution s = sequence;
        if (s == null || runStartedAt != null && runStartedAt.plus(STREAK).isBefore(now)) {
            s = backOff.start();
            sequence = s;
        }
        return s.nextBackOff();
    }
}
