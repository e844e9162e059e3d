package dev.zmq.spring.mongrel2;

import dev.zmq.spring.config.ZmqListenerContainerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * What {@link EnableMongrel2} imports: the shared {@link Mongrel2RequestArgumentResolver}, a post-processor that adds
 * it to every {@link ZmqListenerContainerFactory} bean before the factory makes its first container, and, when
 * Micrometer is on the class path, the {@link Mongrel2MetricsBinder}.
 */
@Configuration(proxyBeanMethods = false)
public class Mongrel2Configuration {

    /** The resolver every listener factory shares, so its count covers every Mongrel2 handler. */
    @Bean
    public Mongrel2RequestArgumentResolver mongrel2RequestArgumentResolver() {
        return new Mongrel2RequestArgumentResolver();
    }

    /** Adds the resolver to each listener container factory as it is created. */
    @Bean
    public static BeanPostProcessor mongrel2ListenerFactoryPostProcessor(
            ObjectProvider<Mongrel2RequestArgumentResolver> resolver) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ZmqListenerContainerFactory factory) {
                    factory.addArgumentResolver(resolver.getObject());
                }
                return bean;
            }
        };
    }

    /** Micrometer's part, loaded only when Micrometer is there. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(MicrometerPresent.class)
    static class Metrics {

        @Bean
        Mongrel2MetricsBinder mongrel2MetricsBinder(Mongrel2RequestArgumentResolver resolver) {
            return new Mongrel2MetricsBinder(resolver);
        }
    }

    /** Whether Micrometer's core (an optional dependency) is on the class path. */
    static final class MicrometerPresent implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return ClassUtils.isPresent("io.micrometer.core.instrument.binder.MeterBinder", context.getClassLoader());
        }
    }
}
