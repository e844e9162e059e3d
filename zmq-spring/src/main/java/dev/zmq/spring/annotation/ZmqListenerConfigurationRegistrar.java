package dev.zmq.spring.annotation;

import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers what {@link EnableZmq} promises, once: the {@link ZmqListenerAnnotationBeanPostProcessor} and the
 * {@link ZmqListenerEndpointRegistry}. Stateless.
 */
public final class ZmqListenerConfigurationRegistrar implements ImportBeanDefinitionRegistrar {

    /** Bean name of the annotation post-processor. */
    public static final String PROCESSOR = "dev.zmq.spring.internalZmqListenerAnnotationProcessor";
    /** Bean name of the listener registry. */
    public static final String REGISTRY = "zmqListenerEndpointRegistry";

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        if (!registry.containsBeanDefinition(PROCESSOR)) {
            RootBeanDefinition processor = new RootBeanDefinition(ZmqListenerAnnotationBeanPostProcessor.class);
            processor.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
            registry.registerBeanDefinition(PROCESSOR, processor);
        }
        if (!registry.containsBeanDefinition(REGISTRY)) {
            registry.registerBeanDefinition(REGISTRY, new RootBeanDefinition(ZmqListenerEndpointRegistry.class));
        }
    }
}
