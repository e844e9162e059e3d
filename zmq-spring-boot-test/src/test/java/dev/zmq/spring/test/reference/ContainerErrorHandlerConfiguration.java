package dev.zmq.spring.test.reference;

// tag::container-error-handler[]
import dev.zmq.spring.listener.ContainerErrorHandler;
import dev.zmq.spring.listener.DeadLetterPublisher;
import dev.zmq.spring.listener.DefaultErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.backoff.FixedBackOff;

import java.util.concurrent.TimeoutException;

@Configuration(proxyBeanMethods = false)
public class ContainerErrorHandlerConfiguration {

    /** Retries only timeouts; any other failure goes to the dead letters at once. */
    @Bean
    public ContainerErrorHandler containerErrorHandler(DeadLetterPublisher deadLetters) {
        DefaultErrorHandler retrying = new DefaultErrorHandler(deadLetters, new FixedBackOff(500, 3));
        DefaultErrorHandler giveUp = new DefaultErrorHandler(deadLetters, new FixedBackOff(0, 0));
        return failed -> failed.error() instanceof TimeoutException ? retrying.handle(failed) : giveUp.handle(failed);
    }
}
// end::container-error-handler[]
