package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.ZmqContext;
import dev.zmq.spring.metrics.ZmqConnectionTracker;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code zmq} actuator endpoint, when actuator is present and the endpoint is exposed
 * ({@code management.endpoints.web.exposure.include=zmq}).
 */
@AutoConfiguration(after = ZmqContextAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(ZmqEndpoint.class)
public final class ZmqEndpointAutoConfiguration {

    /** The endpoint. */
    @Bean
    @ConditionalOnMissingBean
    public ZmqEndpoint zmqEndpoint(ZmqContext context, ZmqConnectionTracker tracker) {
        return new ZmqEndpoint(context, tracker);
    }
}
