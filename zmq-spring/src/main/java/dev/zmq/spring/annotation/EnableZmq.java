package dev.zmq.spring.annotation;

import org.springframework.context.annotation.Import;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns on {@link ZmqListener} processing: registers the annotation post-processor and the listener registry
 * (bean {@code zmqListenerEndpointRegistry}) unless present. Spring Boot's auto-configuration does this for you.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(ZmqListenerConfigurationRegistrar.class)
public @interface EnableZmq {
}
