/**
 * Spring Boot wiring only: one {@code public final} auto-configuration per concern (context and sockets, listeners,
 * metrics, health, the actuator endpoint), {@link dev.zmq.spring.boot.autoconfigure.ZmqProperties} (prefix
 * {@code zmq}) bound to zmq-core's socket specification, the health indicator and the {@code /actuator/zmq}
 * endpoint.
 */
@NullMarked
package dev.zmq.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
