package dev.zmq.bench.spring;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.spring.annotation.EnableZmq;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.config.ZmqSocketRegistry;
import dev.zmq.spring.config.ZmqSocketSpec;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Our starter's path: {@code ZmqTemplate.convertAndSend} -> PUSH -> PULL -> {@code @ZmqListener(String)}. */
final class OursContestant extends Contestant {

    private static Contestant current;
    private final AnnotationConfigApplicationContext spring;
    private final ZmqTemplate template;

    OursContestant(int port) {
        current = this;
        System.setProperty("bench.port", Integer.toString(port));
        spring = new AnnotationConfigApplicationContext(Config.class);
        template = spring.getBean(ZmqTemplate.class);
    }

    @Override
    void send(String payload) {
        template.convertAndSend("out", payload);
    }

    @Override
    public void close() {
        spring.close();
    }

    /** The application: context, one named PUSH socket, the listener. */
    @Configuration(proxyBeanMethods = false)
    @EnableZmq
    static class Config {
        @Bean(destroyMethod = "close")
        ZmqContext zmqContext() {
            return new ZmqContext();
        }

        @Bean
        ZmqSocketRegistry sockets() {
            return new ZmqSocketRegistry(List.of(new ZmqSocketSpec("out", SocketType.PUSH, List.of(),
                    List.of("tcp://127.0.0.1:" + System.getProperty("bench.port")), List.of(), List.of())));
        }

        @Bean
        ZmqMessageConverter converter() {
            return new ZmqMessageConverter(new JsonMapper());
        }

        @Bean
        ZmqTemplate template(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
            return new ZmqTemplate(context, sockets, converter);
        }

        @Bean
        ZmqListenerContainerFactory zmqListenerContainerFactory(ZmqContext context, ZmqSocketRegistry sockets,
                                                                ZmqMessageConverter converter) {
            return new ZmqListenerContainerFactory(context, sockets, converter);
        }

        @Bean
        Listener listener() {
            return new Listener();
        }
    }

    /** The annotated handler. */
    static class Listener {
        @ZmqListener(id = "bench", type = "PULL", bind = "tcp://127.0.0.1:${bench.port}")
        void on(String payload) {
            current.handle(payload);
        }
    }
}
