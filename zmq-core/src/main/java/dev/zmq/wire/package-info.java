/**
 * The ZMTP 3.x wire format: the greeting, frames and their flags, commands, metadata, subscriptions, an incremental
 * frame decoder and a message encoder, and {@link dev.zmq.wire.ProtocolException} for a peer that breaks them.
 *
 * <p>Nullness: everything here is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.zmq.wire;

import org.jspecify.annotations.NullMarked;
