/**
 * {@code ipc://}: ZMTP over Unix domain sockets, file-system paths and (with junixsocket) Linux's abstract
 * namespace, wire-compatible with libzmq.
 *
 * <p>Nullness: everything here is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.zmq.transport.ipc;

import org.jspecify.annotations.NullMarked;
