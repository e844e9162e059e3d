/**
 * {@code udp://} for RADIO and DISH: one message per datagram (libzmq's format), unicast or multicast, with no
 * handshake or connection.
 *
 * <p>Nullness: everything here is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.zmq.transport.udp;

import org.jspecify.annotations.NullMarked;
