package dev.zmq.spring.test.reference;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * An application with one listener, for the random-ports example of the testing page (its test gives the socket's
 * properties). Not a {@code @SpringBootConfiguration}: {@link ReferenceApplication} is this package's.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(OrderIntake.class)
public class OrderIntakeApplication {
}
