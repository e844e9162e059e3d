package dev.zmq.spring.test.reference;

// tag::customizer[]
import dev.zmq.spring.boot.autoconfigure.ZmqListenerContainerFactoryCustomizer;
import dev.zmq.spring.listener.ContainerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
public class ListenerCustomizerConfiguration {

    @Bean
    public ZmqListenerContainerFactoryCustomizer listenerDefaults() {
        return factory -> {                                     // after zmq.listener.* and the strategy beans
            ContainerProperties defaults = factory.getContainerProperties();
            defaults.setThreadFactory(new CustomizableThreadFactory("orders-"));
            defaults.setShutdownTimeout(Duration.ofSeconds(10));
        };
    }
}
// end::customizer[]
