package dev.zmq.spring.test.reference;

import dev.zmq.ZmqContext;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.support.ZmqSocketRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** A second listener container factory, for {@code docs/reference/listeners.md}. */
@Configuration(proxyBeanMethods = false)
public class ListenerConfiguration {

    // tag::container-factory[]
    @Bean
    public ZmqListenerContainerFactory bulkListeners(ZmqContext context, ZmqSocketRegistry sockets,
                                                     ZmqMessageConverter converter, ZmqTemplate template) {
        ZmqListenerContainerFactory factory = new ZmqListenerContainerFactory(context, sockets, converter);
        factory.setTemplate(template);                                    // for @SendTo and dead-letter sockets
        factory.getContainerProperties().setConcurrency(8);
        factory.getContainerProperties().setShutdownTimeout(Duration.ofMinutes(2));
        return factory;
    }
    // end::container-factory[]
}
