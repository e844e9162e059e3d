package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.ZmqContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Provides the application's {@link ZmqContext}, sized by {@code zmq.io-threads} and closed (honouring each
 * socket's linger) when the application context shuts down. Replace it by declaring a {@code ZmqContext} bean.
 */
@AutoConfiguration
@EnableConfigurationProperties(ZmqProperties.class)
public final class ZmqContextAutoConfiguration {

    /** The shared context; an invalid {@code zmq.io-threads} fails start-up with a message naming the value. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ZmqContext zmqContext(ZmqProperties properties) {
        return new ZmqContext(properties.getIoThreads());
    }
}
