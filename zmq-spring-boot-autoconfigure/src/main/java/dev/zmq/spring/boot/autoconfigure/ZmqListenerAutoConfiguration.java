package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.ZmqContext;
import dev.zmq.spring.annotation.EnableZmq;
import dev.zmq.spring.annotation.ZmqListenerAnnotationBeanPostProcessor;
import dev.zmq.spring.annotation.ZmqListenerConfigurationRegistrar;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.config.ZmqSocketRegistry;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.listener.ZmqErrorHandler;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.metrics.ZmqListenerObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.validation.Validator;

/**
 * {@code @ZmqListener} support: the default container factory ({@code zmqListenerContainerFactory}, defaults from
 * {@code zmq.listener.*} and {@code zmq.defaults}, validation through the application's {@link Validator}, a
 * {@link ZmqErrorHandler} bean when there is exactly one) and {@link EnableZmq} unless the application enabled it.
 */
@AutoConfiguration(after = ZmqContextAutoConfiguration.class,
        afterName = "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration")
public final class ZmqListenerAutoConfiguration {

    /** The default listener container factory. */
    @Bean(name = ZmqListenerAnnotationBeanPostProcessor.DEFAULT_FACTORY)
    @ConditionalOnMissingBean(name = ZmqListenerAnnotationBeanPostProcessor.DEFAULT_FACTORY)
    public ZmqListenerContainerFactory zmqListenerContainerFactory(ZmqContext context, ZmqSocketRegistry sockets,
            ZmqMessageConverter converter, ZmqTemplate template, ZmqProperties properties,
            ObjectProvider<Validator> validator, ObjectProvider<ZmqErrorHandler> errorHandler,
            ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<ZmqListenerObservationConvention> convention,
            ObjectProvider<ZmqListenerContainerFactoryCustomizer> customizers, Environment environment) {
        ZmqListenerContainerFactory factory = new ZmqListenerContainerFactory(context, sockets, converter);
        ZmqProperties.Listener listener = properties.getListener();
        factory.setConcurrency(listener.getConcurrency());
        factory.setAutoStartup(listener.isAutoStartup());
        factory.setShutdownTimeout(listener.getShutdownTimeout());
        factory.setReturnExceptions(listener.isReturnExceptions());
        factory.setRetries(listener.getRetry().getMaxRetries());
        factory.setRetryBackOff(listener.getRetry().getDelay(), listener.getRetry().getMultiplier(),
                listener.getRetry().getMaxDelay());
        factory.setDeadLetterSocket(listener.getDeadLetterSocket());
        factory.setDefaultOptions(ZmqSocketSpecs.defaults(properties));
        factory.setTemplate(template);
        validator.orderedStream().findFirst().ifPresent(factory::setValidator);
        errorHandler.ifUnique(factory::setErrorHandler);
        if (ZmqSocketSpecs.observed(properties)) {
            observations.ifAvailable(factory::setObservationRegistry);
            convention.ifUnique(factory::setObservationConvention);
        }
        if (Threading.VIRTUAL.isActive(environment)) {
            // spring.threads.virtual.enabled on Java 21+: listener threads are virtual, as Boot's own listeners
            factory.setThreadFactory(new VirtualThreadTaskExecutor("zmq-listener-").getVirtualThreadFactory());
        }
        customizers.orderedStream().forEach(c -> c.customize(factory));
        return factory;
    }

    /** Enables listener processing unless the application did. */
    @Configuration(proxyBeanMethods = false)
    @EnableZmq
    @ConditionalOnMissingBean(name = ZmqListenerConfigurationRegistrar.REGISTRY)
    static class EnableZmqConfiguration {
    }
}
