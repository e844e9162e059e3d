package dev.zmq.spring.test.reference;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/** The tracing page's application: a sending socket with propagation on, and the inline listener it reaches. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@PropertySource(value = "classpath:reference/tracing.yml", factory = YamlPropertySourceFactory.class)
@Import(JobWorker.class)
public class TracingApplication {

    @Bean
    Spans spans() {
        return new Spans();
    }
}
