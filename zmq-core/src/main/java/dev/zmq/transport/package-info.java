/**
 * Transports as a socket uses them: an endpoint's prefix ({@code tcp}, {@code ipc}, {@code inproc}, {@code udp})
 * picks a {@link dev.zmq.transport.Transport}, which binds or connects it and hands back a handle, so the socket
 * itself has no transport-specific code.
 *
 * <p>Nullness: everything here is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.zmq.transport;

import org.jspecify.annotations.NullMarked;
