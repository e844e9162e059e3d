package dev.zmq.spring.test;

import dev.zmq.spring.support.ZmqSocketRegistry;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Replaces the application's {@link ZmqSocketRegistry} with one whose endpoints, named and inline, are
 * {@link InprocEndpoints}' stand-ins. Stateless; thread-safe.
 */
final class InprocSockets implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof ZmqSocketRegistry registry ? registry.withEndpoints(new InprocEndpoints()) : bean;
    }
}
