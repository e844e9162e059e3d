package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.spring.config.ZmqListenerContainerFactory;

/**
 * Adjusts the auto-configured {@code zmqListenerContainerFactory} after the {@code zmq.listener.*} properties are
 * applied (e.g. its threads with {@code factory.getContainerProperties().setThreadFactory(...)}), as Boot's own
 * {@code *Customizer} beans do. Every bean of this type is applied, in {@code @Order}.
 */
@FunctionalInterface
public interface ZmqListenerContainerFactoryCustomizer {

    /** Customizes {@code factory} before any container is made. */
    void customize(ZmqListenerContainerFactory factory);
}
