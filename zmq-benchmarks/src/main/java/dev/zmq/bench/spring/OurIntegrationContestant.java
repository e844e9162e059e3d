package dev.zmq.bench.spring;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.integration.PayloadMapping;
import dev.zmq.spring.integration.dsl.Zmq;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Our Spring Integration components in the same flows as {@link SpringIntegrationContestant}: outbound channel
 * adapter (PUSH) -> inbound channel adapter (PULL, push-based) -> a handler taking the String payload.
 */
final class OurIntegrationContestant extends FlowContestant {

    OurIntegrationContestant(int port) {
        super(port, Config.class);
    }

    /** The two flows over our components. */
    @Configuration(proxyBeanMethods = false)
    @EnableIntegration
    static class Config {
        @Bean(destroyMethod = "close")
        ZmqContext zmqContext() {
            return new ZmqContext();
        }

        @Bean
        ZmqMessageConverter converter() {
            return new ZmqMessageConverter(new JsonMapper());
        }

        @Bean
        ZmqListenerContainerFactory factory(ZmqContext context, ZmqMessageConverter converter) {
            return new ZmqListenerContainerFactory(context, new ZmqSocketRegistry(List.of()), converter);
        }

        @Bean
        IntegrationFlow inbound(ZmqListenerContainerFactory factory, ZmqMessageConverter converter) {
            ZmqSocketSpec pull = new ZmqSocketSpec("in", SocketType.PULL,
                    List.of("tcp://127.0.0.1:" + System.getProperty("bench.port")), List.of(), List.of(), List.of());
            return IntegrationFlow.from(Zmq.inboundAdapter(factory, pull, converter).payload(PayloadMapping.STRING))
                    .handle(m -> FlowContestant.deliver((String) m.getPayload())).get();
        }

        @Bean
        IntegrationFlow outbound(ZmqContext context, ZmqMessageConverter converter) {
            ZmqSocketSpec push = new ZmqSocketSpec("out", SocketType.PUSH, List.of(),
                    List.of("tcp://127.0.0.1:" + System.getProperty("bench.port")), List.of(), List.of());
            return f -> f.handle(Zmq.outboundAdapter(context, push, converter));
        }
    }
}
