package dev.zmq.majordomo;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * Something that happened in a {@link MajordomoBroker}, naming the peer: its routing id in hex, as
 * {@link MdpFrames#hex(byte[])} writes it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type    what happened
 * @param peer    the routing id (hex) of the client or worker concerned
 * @param service the service concerned, or {@code ""} when none
 * @param error   for {@link Type#PROTOCOL_ERROR}, the rule broken; otherwise {@code null}
 * @param detail  why, in words (the reason of a protocol error, what the broker did about it)
 * @param time    when it happened
 */
public record MajordomoEvent(Type type, String peer, String service, @Nullable MdpError error, String detail,
                             Instant time) {

    /** What happened. */
    public enum Type {
        /** A worker said READY and now serves its service. */
        WORKER_READY,
        /** A worker said DISCONNECT and was forgotten. */
        WORKER_LEFT,
        /** A worker was silent for interval × liveness and was forgotten (its request, if any, queued again). */
        WORKER_EXPIRED,
        /** A peer sent bad input; the detail says what and what the broker answered. */
        PROTOCOL_ERROR,
        /** A request waited longer than the request expiry for a worker and was dropped. */
        REQUEST_EXPIRED,
        /** A failure inside the broker while handling one message; the broker went on. */
        INTERNAL_ERROR
    }

    @Override
    public String toString() {
        return type + " peer=" + peer + (service.isEmpty() ? "" : " service=" + service)
                + (error == null ? "" : " " + error) + (detail.isEmpty() ? "" : ": " + detail);
    }
}
