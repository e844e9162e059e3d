package dev.zmq.bench.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.zeromq.dsl.ZeroMq;
import org.zeromq.SocketType;
import org.zeromq.ZContext;

import java.nio.charset.StandardCharsets;

/**
 * Spring Integration 7's own ZeroMQ module (JeroMQ inside), defaults as documented: outbound channel adapter
 * (PUSH) -> inbound channel adapter (PULL, which polls its socket) -> a handler taking the String payload.
 */
final class SpringIntegrationContestant extends FlowContestant {

    SpringIntegrationContestant(int port) {
        super(port, Config.class);
    }

    /** The two flows. */
    @Configuration(proxyBeanMethods = false)
    @EnableIntegration
    static class Config {
        @Bean(destroyMethod = "close")
        ZContext zContext() {
            return new ZContext();
        }

        @Bean
        IntegrationFlow inbound(ZContext context) {
            int port = Integer.parseInt(System.getProperty("bench.port"));
            return IntegrationFlow.from(ZeroMq.inboundChannelAdapter(context, SocketType.PULL).bindPort(port))
                    .handle(m -> FlowContestant.deliver(new String((byte[]) m.getPayload(), StandardCharsets.UTF_8)))
                    .get();
        }

        @Bean
        IntegrationFlow outbound(ZContext context) {
            return f -> f.handle(ZeroMq.outboundChannelAdapter(context,
                    "tcp://127.0.0.1:" + System.getProperty("bench.port"), SocketType.PUSH));
        }
    }
}
