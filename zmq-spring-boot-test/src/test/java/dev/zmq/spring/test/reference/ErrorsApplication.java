package dev.zmq.spring.test.reference;

import dev.zmq.spring.listener.ZmqErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/** The application of the errors page: {@code reference/errors.yml}, failing listeners, a dead-letter reader. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@PropertySource(value = "classpath:reference/errors.yml", factory = YamlPropertySourceFactory.class)
@Import(DeadLetterReader.class)
public class ErrorsApplication {

    private static final Logger log = LoggerFactory.getLogger(ErrorsApplication.class);

    @Bean
    PaymentListeners paymentListeners() {
        return new PaymentListeners();
    }

    // tag::error-handler[]
    @Bean
    public ZmqErrorHandler rateErrors() {                    // the only ZmqErrorHandler bean: every listener's
        return (listenerId, message, error) -> {
            log.warn("listener {} failed on {}", listenerId, message.raw(), error);
            return error instanceof IllegalArgumentException ? "UNKNOWN " + error.getMessage() : null;
        };                                                   // the reply to a waiting caller; null: ERROR
    }
    // end::error-handler[]
}
