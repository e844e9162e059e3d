/**
 * The {@code zmq} command-line tool (picocli): {@code cat} sends and receives lines, {@code proxy} forwards between
 * two sockets, {@code monitor} prints a socket's events, {@code perf} runs libzmq-compatible throughput and latency
 * tests, {@code keygen} makes CURVE key pairs; sockets and endpoints are described on the command line in czmq's
 * {@code @bind} / {@code >connect} notation.
 *
 * <p>Nullness: everything here is non-null unless marked {@link org.jspecify.annotations.Nullable}; picocli sets the
 * option fields after construction.
 */
@NullMarked
package dev.zmq.cli;

import org.jspecify.annotations.NullMarked;
