package dev.zmq.spring.test.reference;

// tag::strategy-beans[]
import dev.zmq.spring.boot.autoconfigure.ZmqListenerAutoConfiguration;
import dev.zmq.spring.listener.DeadLetterPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
public class ErrorHandlingBeans {

    /** Retries of failed messages: 2 more attempts, 100 ms apart (unless zmq.listener.retry.max-retries > 0). */
    @Bean(ZmqListenerAutoConfiguration.RETRY_BACK_OFF)
    public BackOff retryBackOff() {
        return new FixedBackOff(100, 2);
    }

    /** Restarts of a listener whose socket failed: 1 s doubling to 1 min, never giving up. */
    @Bean(ZmqListenerAutoConfiguration.RESTART_BACK_OFF)
    public BackOff restartBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxInterval(60_000);
        return backOff;
    }

    /** Where messages go once every attempt failed (unless zmq.listener.dead-letter-socket is set). */
    @Bean
    public DeadLetterPublisher parkingLotPublisher(ParkingLot lot) {
        return (listenerId, message, error, attempts) -> lot.park(listenerId, message.raw(), error, attempts);
    }
}
// end::strategy-beans[]
