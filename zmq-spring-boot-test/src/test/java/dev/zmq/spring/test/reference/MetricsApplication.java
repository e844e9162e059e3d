package dev.zmq.spring.test.reference;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/** The metrics page's application: a PUSH the template sends through, the PULL listener it reaches. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@PropertySource(value = "classpath:reference/metrics.yml", factory = YamlPropertySourceFactory.class)
@Import(OrderIntake.class)
public class MetricsApplication {
}
