/**
 * The Spring comparison: the same template-to-listener flow on our starter, Spring Integration's ZeroMQ module, Spring
 * Kafka and Spring AMQP, as {@code spring-compare.sh} runs it.
 */
@NullMarked
package dev.zmq.bench.spring;

import org.jspecify.annotations.NullMarked;
