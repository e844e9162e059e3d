package dev.zmq.spring.test.reference;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.boot.autoconfigure.ZmqContextAutoConfiguration;
import dev.zmq.spring.boot.autoconfigure.ZmqListenerAutoConfiguration;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.listener.ContainerErrorHandler;
import dev.zmq.spring.listener.ContainerProperties;
import dev.zmq.spring.listener.DeadLetterPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension-point beans of the errors page become the defaults of every listener container. */
class ReferenceExtensionPointsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZmqContextAutoConfiguration.class,
                    ZmqListenerAutoConfiguration.class))
            .withBean(ParkingLot.class);

    @Test
    void theStrategyBeansAreTheFactorysDefaults() {
        runner.withUserConfiguration(ErrorHandlingBeans.class).run(context -> {
            ContainerProperties defaults = context.getBean(ZmqListenerContainerFactory.class).getContainerProperties();
            assertThat(defaults.getRetryBackOff())
                    .isSameAs(context.getBean(ZmqListenerAutoConfiguration.RETRY_BACK_OFF, BackOff.class));
            assertThat(defaults.getRestartBackOff())
                    .isSameAs(context.getBean(ZmqListenerAutoConfiguration.RESTART_BACK_OFF, BackOff.class));
            assertThat(defaults.getDeadLetterPublisher()).isSameAs(context.getBean(DeadLetterPublisher.class));
        });
    }

    @Test
    void aFailedMessageIsRetriedByTheBackOffBeanThenParked() {
        runner.withUserConfiguration(ErrorHandlingBeans.class).withBean(Failing.class).run(context -> {
            try (ZmqSocket push = context.getBean(ZmqContext.class).socket(SocketType.PUSH)) {
                push.connect("inproc://reference-failing");
                push.send(ZmqMessage.of("poison"));
                ParkingLot.Parked parked = context.getBean(ParkingLot.class).parked.poll(10, TimeUnit.SECONDS);
                assertThat(parked).isNotNull();
                assertThat(parked.listenerId()).isEqualTo("failing");
                assertThat(parked.attempts()).isEqualTo(3);
                assertThat(parked.message().first().text()).isEqualTo("poison");
                assertThat(parked.error()).contains("IllegalStateException: no");
            }
        });
    }

    @Test
    void propertiesThatSayTheSameTakeTheBeansPlace() {
        runner.withUserConfiguration(ErrorHandlingBeans.class)
                .withPropertyValues("zmq.listener.retry.max-retries=5", "zmq.listener.dead-letter-socket=dead",
                        "zmq.sockets.dead.type=PUSH", "zmq.sockets.dead.connect=inproc://dead")
                .run(context -> {
                    ContainerProperties defaults = context.getBean(ZmqListenerContainerFactory.class)
                            .getContainerProperties();
                    assertThat(defaults.getRetries()).isEqualTo(5);
                    assertThat(defaults.effectiveRetryBackOff()).isInstanceOf(ExponentialBackOff.class);
                    assertThat(defaults.getDeadLetterSocket()).isEqualTo("dead");
                });
    }

    @Test
    void aContainerErrorHandlerBeanTakesOverTheFailureHandling() {
        runner.withUserConfiguration(ErrorHandlingBeans.class, ContainerErrorHandlerConfiguration.class)
                .run(context -> assertThat(context.getBean(ZmqListenerContainerFactory.class).getContainerProperties()
                        .getContainerErrorHandler()).isSameAs(context.getBean(ContainerErrorHandler.class)));
    }

    @Test
    void customizersRunLast() {
        runner.withUserConfiguration(ListenerCustomizerConfiguration.class)
                .withPropertyValues("zmq.listener.shutdown-timeout=1m").run(context -> {
                    ContainerProperties defaults = context.getBean(ZmqListenerContainerFactory.class)
                            .getContainerProperties();
                    assertThat(defaults.getThreadFactory()).isInstanceOf(CustomizableThreadFactory.class);
                    assertThat(defaults.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
                });
    }

    /** A listener that always fails. */
    public static class Failing {

        @ZmqListener(id = "failing", type = "PULL", bind = "inproc://reference-failing")
        public void fail(String body) {
            throw new IllegalStateException("no");
        }
    }
}
