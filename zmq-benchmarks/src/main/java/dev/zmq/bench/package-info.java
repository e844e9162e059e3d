/**
 * Benchmarks: JMH microbenchmarks of the hot path and the side-by-side contestants (ours, JeroMQ, libzmq through the
 * CLI's perf protocol) that {@code compare.sh} runs, each case under a timeout.
 */
@NullMarked
package dev.zmq.bench;

import org.jspecify.annotations.NullMarked;
