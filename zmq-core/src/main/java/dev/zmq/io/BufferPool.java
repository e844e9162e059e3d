package dev.zmq.io;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Direct buffers of one size that connections borrow while they have bytes to write and give back when drained, so
 * an idle connection holds none. At most {@code maxIdle} returned buffers are kept for reuse; more are left to the
 * garbage collector.
 *
 * <p>Thread-safe: the I/O thread and application threads writing directly (REQ, REP) share one pool.
 */
final class BufferPool {

    private final int bufferSize;
    private final int maxIdle;
    private final ArrayDeque<ByteBuffer> idle = new ArrayDeque<>();

    BufferPool(int bufferSize, int maxIdle) {
        this.bufferSize = bufferSize;
        this.maxIdle = maxIdle;
    }

    /** A cleared buffer of the pool's size: a kept one, or a new one. */
    ByteBuffer take() {
        ByteBuffer b;
        synchronized (this) {
            b = idle.pollFirst();
        }
        return b == null ? ByteBuffer.allocateDirect(bufferSize) : b.clear();
    }

    /** Returns a buffer taken from this pool; the caller must not touch it again. */
    void give(ByteBuffer b) {
        synchronized (this) {
            if (idle.size() < maxIdle) {
                idle.push(b);
            }
        }
    }

    /** Buffers kept for reuse now. */
    synchronized int idleCount() {
        return idle.size();
    }
}
