/**
 * Observing sockets: {@link dev.zmq.monitor.SocketEvent}s (libzmq's monitor events) delivered to
 * {@link dev.zmq.monitor.SocketMonitor}s, traffic and event counters, and the per-socket and per-peer statistics
 * snapshots metrics are read from.
 *
 * <p>Nullness: everything here is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.zmq.monitor;

import org.jspecify.annotations.NullMarked;
