package dev.zmq.bench.spring;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.zeromq.dsl.ZeroMq;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.zeromq.SocketType;
import org.zeromq.ZContext;

import java.nio.charset.StandardCharsets;

/**
 * Spring Integration 7's own ZeroMQ module (JeroMQ inside), defaults as documented: outbound channel adapter
 * (PUSH) -> inbound channel adapter (PULL, which polls its socket) -> a handler taking the String payload.
 */
final class SpringIntegrationContestant extends Contestant {

    private static Contestant current;
    private final AnnotationConfigApplicationContext spring;
    private final MessageChannel out;

    SpringIntegrationContestant(int port) {
        current = this;
        System.setProperty("bench.port", Integer.toString(port));
        spring = new AnnotationConfigApplicationContext(Config.class);
        out = spring.getBean("outbound.input", MessageChannel.class);
    }

    @Override
    void send(String payload) {
        out.send(MessageBuilder.withPayload(payload).build());
    }

    @Override
    public void close() {
        spring.close();
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
                    .handle(m -> current.handle(new String((byte[]) m.getPayload(), StandardCharsets.UTF_8)))
                    .get();
        }

        @Bean
        IntegrationFlow outbound(ZContext context) {
            return f -> f.handle(ZeroMq.outboundChannelAdapter(context,
                    "tcp://127.0.0.1:" + System.getProperty("bench.port"), SocketType.PUSH));
        }
    }
}
