/**
 * Bounded queues between a socket and each peer: {@link dev.zmq.pipe.Pipe} (one writer, one reader, lock-free)
 * with its high-water-mark accounting and wake-up protocol, its conflating, inproc and swapping (spill to disk)
 * kinds, the {@link dev.zmq.pipe.Peer} that pairs a peer's two pipes, and the {@link dev.zmq.pipe.Signaler} that
 * parks a blocked application thread.
 *
 * <p>Nullness: everything here is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.zmq.pipe;

import org.jspecify.annotations.NullMarked;
