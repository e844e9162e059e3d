/**
 * The sample application: ZeroMQ's Mongrel2 pattern on Spring Boot (an HTTP front, workers behind PUSH/PUB), a price
 * ticker, a quote service and the live page; profiles {@code front} and {@code worker} split it over processes.
 */
@NullMarked
package dev.zmq.sample;

import org.jspecify.annotations.NullMarked;
