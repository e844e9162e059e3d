package dev.zmq.spring.test.reference;

import dev.zmq.spring.core.ZmqOperations;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The application behind the listener, sending and testing pages: the sockets of {@code reference/application.yml},
 * the listeners of {@link OrderListeners} and {@link ListenerSnippets}. The only {@code @SpringBootConfiguration}
 * of this package, so a plain {@code @SpringBootTest} here finds it, as a user's test finds their application.
 * The other reference tests name their configuration.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@PropertySource(value = "classpath:reference/application.yml", factory = YamlPropertySourceFactory.class)
@Import({OrderListeners.class, OrderService.class, ListenerConfiguration.class, ReplayControl.class})
public class ReferenceApplication {

    @Bean
    ListenerSnippets listenerSnippets() {
        return new ListenerSnippets();
    }

    @Bean
    SendingSnippets sendingSnippets(ZmqOperations zmq) {
        return new SendingSnippets(zmq);
    }
}
