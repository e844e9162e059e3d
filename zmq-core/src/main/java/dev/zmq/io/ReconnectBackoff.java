package dev.zmq.io;

import java.time.Duration;

/**
 * The wait before each reconnect: RECONNECT_IVL, doubling on every failed attempt up to RECONNECT_IVL_MAX (when
 * that is larger), back to RECONNECT_IVL after a successful handshake. Not thread-safe (one session's I/O thread).
 */
public final class ReconnectBackoff {

    private final long initialNanos;
    private final long maxNanos;
    private long currentNanos;

    /** A backoff from {@code initial} doubling up to {@code max} (no doubling when {@code max <= initial}). */
    public ReconnectBackoff(Duration initial, Duration max) {
        this.initialNanos = Math.max(1, initial.toNanos());
        this.maxNanos = Math.max(initialNanos, max.toNanos());
        this.currentNanos = initialNanos;
    }

    /** The wait before the next attempt; each call doubles the following one, up to the maximum. */
    public long nextDelayNanos() {
        long d = currentNanos;
        currentNanos = Math.min(maxNanos, currentNanos * 2);
        return d;
    }

    /** Longest wait after the peer refused us (ERROR), however RECONNECT_IVL_MAX is set. */
    private static final long REFUSED_MAX_NANOS = 30_000_000_000L;

    /**
     * The wait before retrying a peer that refused us (authentication, socket type): doubles on every refusal up to
     * 30 s even without RECONNECT_IVL_MAX, so a refused client does not storm the server.
     */
    public long nextDelayAfterRefusalNanos() {
        long d = currentNanos;
        currentNanos = Math.min(Math.max(maxNanos, REFUSED_MAX_NANOS), currentNanos * 2);
        return d;
    }

    /** Back to the initial interval (after a successful handshake). */
    public void reset() {
        currentNanos = initialNanos;
    }
}
