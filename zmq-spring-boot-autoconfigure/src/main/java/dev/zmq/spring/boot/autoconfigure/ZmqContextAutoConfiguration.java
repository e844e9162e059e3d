package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.ZmqContext;
import dev.zmq.security.ZapAuthenticator;
import dev.zmq.ZapHandler;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.metrics.ZmqConnectionTracker;
import dev.zmq.spring.metrics.ZmqTemplateObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The context and the sockets: the application's {@link ZmqContext} (sized by {@code zmq.io-threads}, closed after
 * the listeners stop, honouring each socket's linger), the named sockets of {@code zmq.sockets} (checked at
 * start-up), the payload converter (JSON through the application's {@link JsonMapper} when there is one) and the
 * {@link ZmqTemplate}. Each bean backs off when the application declares its own.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@EnableConfigurationProperties(ZmqProperties.class)
public final class ZmqContextAutoConfiguration {

    /** The shared context; an invalid {@code zmq.io-threads} fails start-up with a message naming the value. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ZmqContext zmqContext(ZmqProperties properties) {
        return new ZmqContext(properties.getIoThreads());
    }

    /** A ZAP handler accepting the users of {@code zmq.zap.plain-password-file}, when that is set. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "zmq.zap.plain-password-file")
    public ZapHandler zmqZapHandler(ZmqContext context, ZmqProperties properties) {
        Path passwords = Objects.requireNonNull(properties.getZap().getPlainPasswordFile(),
                "the condition holds only when zmq.zap.plain-password-file is set");
        return ZapHandler.start(context, ZapAuthenticator.plainPasswordFile(passwords));
    }

    /** The sockets named under {@code zmq.sockets}; a bad entry fails start-up naming the property. */
    @Bean
    @ConditionalOnMissingBean
    public ZmqSocketRegistry zmqSocketRegistry(ZmqProperties properties) {
        return new ZmqSocketRegistry(ZmqSocketSpecs.sockets(properties));
    }

    /** Follows every socket's connections, for the health indicator and the actuator endpoint. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ZmqConnectionTracker zmqConnectionTracker(ZmqContext context) {
        return new ZmqConnectionTracker(context, Clock.systemUTC());
    }

    /** Payload conversion for listeners and the template. */
    @Bean
    @ConditionalOnMissingBean
    public ZmqMessageConverter zmqMessageConverter(ObjectProvider<JsonMapper> jsonMapper) {
        return new ZmqMessageConverter(jsonMapper.getIfAvailable(JsonMapper::new));
    }

    /**
     * The thread-safe template over the named sockets; its sends are observed when {@code zmq.metrics.observations=true}
     * or a socket has {@code propagation} on, named and tagged by a {@link ZmqTemplateObservationConvention} bean if
     * there is one.
     */
    @Bean
    @ConditionalOnMissingBean
    public ZmqTemplate zmqTemplate(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter,
                                   ZmqProperties properties, ObjectProvider<ObservationRegistry> observations,
                                   ObjectProvider<ZmqTemplateObservationConvention> convention) {
        ZmqTemplate template = new ZmqTemplate(context, sockets, converter);
        if (ZmqSocketSpecs.observed(properties)) {
            observations.ifAvailable(template::setObservationRegistry);
            convention.ifUnique(template::setObservationConvention);
        }
        return template;
    }
}
