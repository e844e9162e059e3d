/**
 * {@code tcp://}: ZMTP over TCP, its address syntax (IPv4, IPv6, interface names, wildcard and ephemeral ports)
 * and socket options.
 *
 * <p>Nullness: everything here is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.zmq.transport.tcp;

import org.jspecify.annotations.NullMarked;
