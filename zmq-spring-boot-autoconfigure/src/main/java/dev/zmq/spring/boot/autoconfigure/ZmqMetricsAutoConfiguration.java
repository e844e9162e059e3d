package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.ZmqContext;
import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import dev.zmq.spring.metrics.ZmqListenerMetricsBinder;
import dev.zmq.spring.metrics.ZmqMetricsBinder;
import dev.zmq.spring.metrics.ZmqMeterObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import java.util.Set;
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

    /**
     * Times the {@code zmq.template} and {@code zmq.listener} observations into the meters the default handler would
     * make, found without a registry lookup per message; first in Boot's meter handler group, so every other
     * observation still goes to the default. Keeps the long task timers unless
     * {@code management.metrics.observations.ignored-meters} names them, as the default does.
     */
    @Bean
    @Order(0)
    @ConditionalOnMissingBean
    public ZmqMeterObservationHandler zmqMeterObservationHandler(ObjectProvider<MeterRegistry> registry,
                                                                 Environment environment) {
        boolean longTaskTimers = !Binder.get(environment).bind("management.metrics.observations.ignored-meters",
                        Bindable.setOf(DefaultMeterObservationHandler.IgnoredMeters.class)).orElse(Set.of())
                .contains(DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER);
        // as Boot's default meter handler: without a registry the meters go nowhere in particular
        return new ZmqMeterObservationHandler(registry.getIfAvailable(SimpleMeterRegistry::new), longTaskTimers);
    }

    /** Listener meters ({@code zmq.listener.retries}, {@code .dead.letters}, {@code .restarts}). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ZmqListenerEndpointRegistry.class)
    public ZmqListenerMetricsBinder zmqListenerMetricsBinder(ZmqListenerEndpointRegistry listeners) {
        return new ZmqListenerMetricsBinder(listeners);
    }
}
