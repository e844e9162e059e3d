/**
 * {@code inproc://}: sockets of one context connected by pipes directly, with no encoding, copy or I/O thread;
 * a connect may come before its bind.
 *
 * <p>Nullness: everything here is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.zmq.transport.inproc;

import org.jspecify.annotations.NullMarked;
