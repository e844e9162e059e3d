package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.ZmqContext;
import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import dev.zmq.spring.metrics.ZmqConnectionTracker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.util.List;

/**
 * The {@code zmq} health indicator. Needs Spring Boot's health support; off with
 * {@code management.health.zmq.enabled=false}.
 */
@AutoConfiguration(after = ZmqContextAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public final class ZmqHealthAutoConfiguration {

    /** Health {@code zmq}. */
    @Bean
    @ConditionalOnMissingBean(name = "zmqHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("zmq")
    public ZmqHealthIndicator zmqHealthIndicator(ZmqContext context, ZmqConnectionTracker tracker,
                                                 ZmqProperties properties,
                                                 ObjectProvider<ZmqListenerEndpointRegistry> listeners) {
        return new ZmqHealthIndicator(context, tracker, properties.getHealth().getConnectGracePeriod(),
                Clock.systemUTC(), () -> {
                    ZmqListenerEndpointRegistry registry = listeners.getIfAvailable();
                    return registry == null ? List.of() : registry.getListenerContainers();
                });
    }
}
