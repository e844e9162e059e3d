package dev.zmq.spring.test.reference;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/** The tracing page's receiving application: only the inline listener, observations on by property. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@PropertySource(value = "classpath:reference/tracing-worker.yml", factory = YamlPropertySourceFactory.class)
@Import(JobWorker.class)
public class TracingWorkerApplication {

    @Bean
    Spans spans() {
        return new Spans();
    }
}
