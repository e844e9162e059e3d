package dev.zmq.majordomo;

import java.time.Duration;

/**
 * How often MDP peers send HEARTBEAT and how many intervals of silence make the other side dead. Broker and workers
 * must agree on both (RFC 7, "Known Weaknesses").
 *
 * <p>Immutable and thread-safe.
 *
 * @param interval how often a peer sends HEARTBEAT when it has nothing else to send
 * @param liveness how many intervals without a word from the other side make it dead
 */
public record MdpHeartbeat(Duration interval, int liveness) {

    /** RFC 7's recommendation, as the Guide's examples use it: every 2,500 ms, dead after 3 silent intervals. */
    public static final MdpHeartbeat DEFAULT = new MdpHeartbeat(Duration.ofMillis(2500), 3);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when the interval is not positive or the liveness is below 1
     */
    public MdpHeartbeat {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive: " + interval);
        }
        if (liveness < 1) {
            throw new IllegalArgumentException("heartbeat liveness must be at least 1: " + liveness);
        }
    }

    /** How long a peer may stay silent before it is taken for dead: interval × liveness. */
    public Duration expiry() {
        return interval.multipliedBy(liveness);
    }
}
