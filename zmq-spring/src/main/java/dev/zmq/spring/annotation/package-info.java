/**
 * {@code @ZmqListener} and {@code @EnableZmq}: the annotations, and the bean post-processor that turns each
 * annotated method into a {@link dev.zmq.spring.config.ZmqListenerEndpoint} and registers the container its factory
 * makes. Uses {@code config}; nothing uses it.
 */
@NullMarked
package dev.zmq.spring.annotation;

import org.jspecify.annotations.NullMarked;
