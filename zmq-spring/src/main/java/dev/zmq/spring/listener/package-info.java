/**
 * Listener containers and their strategies: {@link dev.zmq.spring.listener.MessageListenerContainer} (what
 * the rest depends on), {@link dev.zmq.spring.listener.ZmqListenerContainer} (lifecycle and receive loop),
 * {@link dev.zmq.spring.listener.ContainerProperties} (every setting), failure handling
 * ({@link dev.zmq.spring.listener.DefaultErrorHandler}: retries by back-off, then the
 * {@link dev.zmq.spring.listener.DeadLetterPublisher}; {@link dev.zmq.spring.listener.ZmqErrorHandler}: the reply) and
 * restarts after socket failures. Uses {@code core}, {@code metrics}, {@code support}.
 */
@NullMarked
package dev.zmq.spring.listener;

import org.jspecify.annotations.NullMarked;
