/**
 * The I/O layer: background {@link dev.zmq.io.IoThread}s with NIO selector loops and timers, and the ZMTP
 * connections they serve. A {@link dev.zmq.io.Listener} accepts and a {@link dev.zmq.io.Session} connects (and
 * reconnects with backoff); each connection is a {@link dev.zmq.io.StreamEngine} (handshake, inbound decoding,
 * outbound batching) between the channel and the peer's pipes.
 *
 * <p>Nullness: everything here is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.zmq.io;

import org.jspecify.annotations.NullMarked;
