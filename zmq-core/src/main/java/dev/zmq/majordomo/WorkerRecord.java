package dev.zmq.majordomo;

import org.jspecify.annotations.Nullable;

/**
 * What the broker knows of one worker: its routing id, its service, when it was last heard from and last sent to
 * (nanoTime), and the request it is working on. Used by the broker's thread only.
 */
final class WorkerRecord {

    final byte[] id;
    final String hex;
    final Service service;
    long lastHeard;
    long lastSent;
    @Nullable QueuedRequest working;

    WorkerRecord(byte[] id, Service service, long now) {
        this.id = id;
        this.hex = MdpFrames.hex(id);
        this.service = service;
        this.lastHeard = now;
        this.lastSent = now;
    }

    /** Whether it has been silent for longer than {@code expiryNanos} at {@code now}. */
    boolean expired(long now, long expiryNanos) {
        return now - lastHeard > expiryNanos;
    }
}
