package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.ZmqContext;
import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import dev.zmq.spring.metrics.ZmqListenerMetricsBinder;
import dev.zmq.spring.metrics.ZmqMetricsBinder;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Socket meters ({@code zmq.socket.*}: queue depth, HWM, utilization, traffic, drops, peers, reconnects, handshake
 * failures) for every socket of the context, and listener meters ({@code zmq.listener.*}: retries, dead letters,
 * restarts), bound to the application's registries. Needs Micrometer; off with
 * {@code zmq.metrics.enabled=false}.
 */
@AutoConfiguration(after = {ZmqContextAutoConfiguration.class, ZmqListenerAutoConfiguration.class},
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "zmq.metrics.enabled", matchIfMissing = true)
public final class ZmqMetricsAutoConfiguration {

    /** The binder; Spring Boot binds every {@code MeterBinder} bean to its registries. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ZmqMetricsBinder zmqMetricsBinder(ZmqContext context) {
        return new ZmqMetricsBinder(context);
    }

    /** Listener meters ({@code zmq.listener.retries}, {@code .dead.letters}, {@code .restarts}). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ZmqListenerEndpointRegistry.class)
    public ZmqListenerMetricsBinder zmqListenerMetricsBinder(ZmqListenerEndpointRegistry listeners) {
        return new ZmqListenerMetricsBinder(listeners);
    }
}
