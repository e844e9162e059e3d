package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.ZmqContext;
import dev.zmq.spring.annotation.EnableZmq;
import dev.zmq.spring.annotation.ZmqListenerAnnotationBeanPostProcessor;
import dev.zmq.spring.annotation.ZmqListenerConfigurationRegistrar;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.listener.ContainerErrorHandler;
import dev.zmq.spring.listener.ContainerProperties;
import dev.zmq.spring.listener.DeadLetterPublisher;
import dev.zmq.spring.listener.ZmqErrorHandler;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.metrics.ZmqListenerObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.util.backoff.BackOff;
import org.springframework.validation.Validator;

import java.util.Optional;

/**
 * {@code @ZmqListener} support: the default container factory ({@code zmqListenerContainerFactory}) and
 * {@link EnableZmq} unless the application enabled it. The factory's container defaults come from
 * {@code zmq.listener.*} and {@code zmq.defaults}, and from the application's strategy beans, each taken when there
 * is exactly one: a {@link ZmqErrorHandler} (the reply after a failure), a {@link ContainerErrorHandler} (the whole
 * failure handling), a {@link DeadLetterPublisher} (where failed messages go), a {@link BackOff} named
 * {@value #RETRY_BACK_OFF} (retries) and one named {@value #RESTART_BACK_OFF} (restarts after socket failures);
 * validation through the application's {@link Validator}. Properties that say the same as a bean take its place:
 * {@code zmq.listener.dead-letter-socket} over a {@link DeadLetterPublisher}, {@code zmq.listener.retry.max-retries}
 * above 0 over the retry back-off. {@link ZmqListenerContainerFactoryCustomizer} beans run last.
 */
@AutoConfiguration(after = ZmqContextAutoConfiguration.class,
        afterName = "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration")
public final class ZmqListenerAutoConfiguration {

    /** The name of a {@link BackOff} bean that spaces the retries of failed messages. */
    public static final String RETRY_BACK_OFF = "zmqListenerRetryBackOff";
    /** The name of a {@link BackOff} bean that spaces the restarts of listeners whose socket failed. */
    public static final String RESTART_BACK_OFF = "zmqListenerRestartBackOff";

    /** The default listener container factory. */
    @Bean(name = ZmqListenerAnnotationBeanPostProcessor.DEFAULT_FACTORY)
    @ConditionalOnMissingBean(name = ZmqListenerAnnotationBeanPostProcessor.DEFAULT_FACTORY)
    public ZmqListenerContainerFactory zmqListenerContainerFactory(ZmqContext context, ZmqSocketRegistry sockets,
            ZmqMessageConverter converter, ZmqTemplate template, ZmqProperties properties,
            ObjectProvider<Validator> validator, ObjectProvider<ZmqErrorHandler> errorHandler,
            ObjectProvider<ContainerErrorHandler> containerErrorHandler,
            ObjectProvider<DeadLetterPublisher> deadLetters, ListableBeanFactory beans,
            ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<ZmqListenerObservationConvention> convention,
            ObjectProvider<ZmqListenerContainerFactoryCustomizer> customizers, Environment environment) {
        ZmqListenerContainerFactory factory = new ZmqListenerContainerFactory(context, sockets, converter);
        ContainerProperties defaults = factory.getContainerProperties();
        errorHandler.ifUnique(defaults::setErrorHandler);
        containerErrorHandler.ifUnique(defaults::setContainerErrorHandler);
        deadLetters.ifUnique(defaults::setDeadLetterPublisher);
        backOff(beans, RETRY_BACK_OFF).ifPresent(defaults::setRetryBackOff);
        backOff(beans, RESTART_BACK_OFF).ifPresent(defaults::setRestartBackOff);
        bind(properties.getListener(), defaults);
        factory.setDefaultOptions(ZmqSocketSpecs.defaults(properties));
        factory.setTemplate(template);
        validator.orderedStream().findFirst().ifPresent(factory::setValidator);
        if (ZmqSocketSpecs.observed(properties)) {
            observations.ifAvailable(defaults::setObservationRegistry);
            convention.ifUnique(defaults::setObservationConvention);
        }
        if (Threading.VIRTUAL.isActive(environment)) {
            // spring.threads.virtual.enabled on Java 21+: listener threads are virtual, as Boot's own listeners
            defaults.setThreadFactory(new VirtualThreadTaskExecutor("zmq-listener-").getVirtualThreadFactory());
        }
        customizers.orderedStream().forEach(c -> c.customize(factory));
        return factory;
    }

    /** The {@code zmq.listener.*} properties onto the container defaults. */
    private static void bind(ZmqProperties.Listener listener, ContainerProperties defaults) {
        PropertyMapper map = PropertyMapper.get();
        map.from(listener::getConcurrency).to(defaults::setConcurrency);
        map.from(listener::isAutoStartup).to(defaults::setAutoStartup);
        map.from(listener::getShutdownTimeout).to(defaults::setShutdownTimeout);
        map.from(listener::isReturnExceptions).to(defaults::setReturnExceptions);
        map.from(listener::getDeadLetterSocket).to(defaults::setDeadLetterSocket);
        ZmqProperties.Retry retry = listener.getRetry();
        map.from(retry::getMaxRetries).when(n -> n > 0).to(defaults::setRetries);
        map.from(retry::getDelay).to(defaults::setRetryDelay);
        map.from(retry::getMultiplier).to(defaults::setRetryMultiplier);
        map.from(retry::getMaxDelay).to(defaults::setRetryMaxDelay);
    }

    private static Optional<BackOff> backOff(ListableBeanFactory beans, String name) {
        return beans.containsBean(name) ? Optional.of(beans.getBean(name, BackOff.class)) : Optional.empty();
    }

    /** Enables listener processing unless the application did. */
    @Configuration(proxyBeanMethods = false)
    @EnableZmq
    @ConditionalOnMissingBean(name = ZmqListenerConfigurationRegistrar.REGISTRY)
    static class EnableZmqConfiguration {
    }
}
