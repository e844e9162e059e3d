/**
 * From listener declarations to containers: {@link dev.zmq.spring.config.ZmqListenerEndpoint} (one resolved
 * {@code @ZmqListener}), {@link dev.zmq.spring.config.ZmqListenerContainerFactory} (defaults, validation of the
 * declaration, per-listener settings) and {@link dev.zmq.spring.config.ZmqListenerEndpointRegistry} (every container
 * by id, their lifecycle). Uses {@code listener}, {@code core}, {@code metrics}, {@code support}.
 */
@NullMarked
package dev.zmq.spring.config;

import org.jspecify.annotations.NullMarked;
