/**
 * The Java DSL entry point {@link dev.zmq.spring.integration.dsl.Zmq} and its specs, for
 * {@code IntegrationFlow} definitions.
 */
@NullMarked
package dev.zmq.spring.integration.dsl;

import org.jspecify.annotations.NullMarked;
