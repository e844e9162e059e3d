/**
 * Micrometer: meter binders for sockets and listeners, the {@code zmq.template} and {@code zmq.listener}
 * observation contexts and conventions, and the meter handler that times them. Observes listeners through its own
 * interfaces ({@link dev.zmq.spring.metrics.ListenerStatistics}); depends on no other package of zmq-spring. Loaded
 * only when Micrometer is present.
 */
@NullMarked
package dev.zmq.spring.metrics;

import org.jspecify.annotations.NullMarked;
