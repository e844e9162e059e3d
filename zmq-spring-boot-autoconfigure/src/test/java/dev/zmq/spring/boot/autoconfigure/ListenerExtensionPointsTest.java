package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import dev.zmq.spring.listener.ContainerErrorHandler;
import dev.zmq.spring.listener.ContainerProperties;
import dev.zmq.spring.listener.DeadLetterPublisher;
import dev.zmq.spring.listener.DeadLetterSocket;
import dev.zmq.spring.listener.FailedMessage;
import dev.zmq.spring.listener.ZmqErrorHandler;
import dev.zmq.spring.listener.ZmqListenerContainer;
import dev.zmq.spring.support.ReceivedMessage;
import dev.zmq.spring.support.ZmqDeadLetterHeaders;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every extension point of {@link ZmqListenerAutoConfiguration} reaches a {@code @ZmqListener} container, shown end to
 * end over inproc by a listener that throws: a {@link DeadLetterPublisher} bean receives the failed message, a
 * {@link ZmqErrorHandler} bean decides the REP reply, a {@link ContainerErrorHandler} bean is called, a
 * {@link BackOff} named {@value ZmqListenerAutoConfiguration#RETRY_BACK_OFF} drives the retries, one named
 * {@value ZmqListenerAutoConfiguration#RESTART_BACK_OFF} drives restarts after a socket failure, and a
 * {@link ZmqListenerContainerFactoryCustomizer} can set each of these five. {@code @ZmqListener(retries = ...)}
 * overrides the retry back-off bean for its listener only, and {@code zmq.listener.dead-letter-socket} takes the
 * place of a {@link DeadLetterPublisher} bean.
 */
class ListenerExtensionPointsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZmqContextAutoConfiguration.class,
                    ZmqListenerAutoConfiguration.class))
            .withPropertyValues("zmq.listener.shutdown-timeout=10s");

    /** What a {@link DeadLetterPublisher} was handed. */
    record Parked(String listenerId, String body, String error, int attempts) {
    }

    /** Records every message it is handed; a bean or set by a customizer. */
    static final class RecordingPublisher implements DeadLetterPublisher {
        final List<Parked> parked = new CopyOnWriteArrayList<>();

        @Override
        public void publish(String listenerId, ReceivedMessage message, Throwable error,
                            int attempts) {
            parked.add(new Parked(listenerId, message.body().get(0).text(), error.getMessage(), attempts));
        }
    }

    /** Records the failures it is handed and answers for them; a bean or set by a customizer. */
    static final class RecordingContainerErrorHandler implements ContainerErrorHandler {
        final List<String> handled = new CopyOnWriteArrayList<>();

        @Override
        public ZmqMessage handle(FailedMessage failed) {
            handled.add(failed.listenerId() + ":" + failed.error().getMessage() + ":" + failed.attempts());
            return ZmqMessage.of("recovered " + failed.message().body().get(0).text());
        }
    }

    private static ZmqSocket socket(ApplicationContext ctx, SocketType type, String endpoint, boolean bind) {
        ZmqSocket s = ctx.getBean(ZmqContext.class).socket(type);
        if (bind) {
            s.bind(endpoint);
        } else {
            s.connect(endpoint);
        }
        return s;
    }

    /** Sends {@code body} to the REP listener at {@code endpoint} and returns its reply. */
    private static ZmqMessage ask(ApplicationContext ctx, String endpoint, String body) {
        try (ZmqSocket req = socket(ctx, SocketType.REQ, endpoint, false)) {
            req.send(body);
            ZmqMessage reply = req.recv(WAIT);
            assertThat(reply).as("a reply from " + endpoint).isNotNull();
            return reply;
        }
    }

    private static void push(ApplicationContext ctx, String endpoint, String body) {
        try (ZmqSocket push = socket(ctx, SocketType.PUSH, endpoint, false)) {
            push.send(body);
        }
    }

    private static ContainerProperties propertiesOf(ApplicationContext ctx, String id) {
        return ((ZmqListenerContainer) ctx.getBean(ZmqListenerEndpointRegistry.class).getListenerContainer(id))
                .getContainerProperties();
    }

    private static ZmqListenerContainer container(ApplicationContext ctx, String id) {
        return (ZmqListenerContainer) ctx.getBean(ZmqListenerEndpointRegistry.class).getListenerContainer(id);
    }

    @Test
    void aDeadLetterPublisherBeanReceivesTheFailedMessage() {
        RecordingPublisher publisher = new RecordingPublisher();
        runner.withBean(DeadLetterPublisher.class, () -> publisher).withUserConfiguration(FailingPull.class)
                .run(ctx -> {
                    push(ctx, "inproc://ext-pull", "poison");

                    // counted once the publisher returned
                    await().atMost(WAIT).until(() -> container(ctx, "failing-pull").getDeadLettered() == 1);
                    assertThat(publisher.parked).containsExactly(
                            new Parked("failing-pull", "poison", "cannot handle poison", 1));
                });
    }

    @Test
    void aZmqErrorHandlerBeanDecidesTheRepReply() {
        ZmqErrorHandler handler = (id, message, error) -> "sorry from " + id + ": " + error.getMessage();
        runner.withBean(ZmqErrorHandler.class, () -> handler).withUserConfiguration(FailingRep.class)
                .run(ctx -> assertThat(ask(ctx, "inproc://ext-rep", "x"))
                        .isEqualTo(ZmqMessage.of("sorry from failing-rep: cannot handle x")));
    }

    @Test
    void aContainerErrorHandlerBeanIsCalledAndItsReplyAnswers() {
        RecordingContainerErrorHandler handler = new RecordingContainerErrorHandler();
        runner.withBean(ContainerErrorHandler.class, () -> handler).withUserConfiguration(FailingRep.class)
                .run(ctx -> {
                    assertThat(ask(ctx, "inproc://ext-rep", "y")).isEqualTo(ZmqMessage.of("recovered y"));
                    assertThat(handler.handled).containsExactly("failing-rep:cannot handle y:1");
                });
    }

    @Test
    void aRetryBackOffBeanDrivesTheRetries() {
        runner.withBean(ZmqListenerAutoConfiguration.RETRY_BACK_OFF, BackOff.class, () -> new FixedBackOff(0, 2))
                .withUserConfiguration(FailingRep.class).run(ctx -> {
                    assertThat(ask(ctx, "inproc://ext-rep", "z")).isEqualTo(ZmqMessage.of("ERROR"));
                    assertThat(ctx.getBean(FailingRep.class).attempts).as("the first attempt and two retries")
                            .hasValue(3);
                    assertThat(container(ctx, "failing-rep").getRetries()).isEqualTo(2);
                });
    }

    @Test
    void aRestartBackOffBeanReachesTheContainerAndDrivesItsRestarts() {
        BackOff restarts = new FixedBackOff(10, 1);
        runner.withBean(ZmqListenerAutoConfiguration.RESTART_BACK_OFF, BackOff.class, () -> restarts)
                .withUserConfiguration(FailingPull.class).run(ctx -> {
                    ZmqListenerContainer c = container(ctx, "failing-pull");
                    assertThat(c.getContainerProperties().getRestartBackOff()).isSameAs(restarts);

                    // a socket closed under the listener fails its run: restarted once, as the back-off allows
                    ZmqSocket first = c.getSocket();
                    first.close();
                    await().atMost(WAIT).until(() -> c.getRestarts() == 1 && c.getSocket() != null
                            && c.getSocket() != first && c.getFailure() == null);
                    assertThat(c.isRunning()).isTrue();

                    // the second failure in a row is one more than FixedBackOff(10, 1) allows: it gives up
                    c.getSocket().close();
                    await().atMost(WAIT).until(() -> c.getFailure() != null && c.getFailure().givenUp());
                    assertThat(c.getRestarts()).isEqualTo(1);
                    assertThat(c.isRunning()).isFalse();
                });
    }

    @Test
    void aCustomizerCanSetTheErrorHandlerRetryBackOffDeadLetterPublisherAndRestartBackOff() {
        RecordingPublisher publisher = new RecordingPublisher();
        ZmqErrorHandler handler = (id, message, error) -> "customized: " + error.getMessage();
        BackOff retries = new FixedBackOff(0, 1);
        BackOff restarts = new FixedBackOff(5, 3);
        ZmqListenerContainerFactoryCustomizer customizer = factory -> {
            ContainerProperties defaults = factory.getContainerProperties();
            defaults.setErrorHandler(handler);
            defaults.setRetryBackOff(retries);
            defaults.setDeadLetterPublisher(publisher);
            defaults.setRestartBackOff(restarts);
        };
        runner.withBean(ZmqListenerContainerFactoryCustomizer.class, () -> customizer)
                .withUserConfiguration(FailingRep.class).run(ctx -> {
                    ContainerProperties properties = propertiesOf(ctx, "failing-rep");
                    assertThat(properties.getErrorHandler()).isSameAs(handler);
                    assertThat(properties.getRetryBackOff()).isSameAs(retries);
                    assertThat(properties.getDeadLetterPublisher()).isSameAs(publisher);
                    assertThat(properties.getRestartBackOff()).isSameAs(restarts);

                    assertThat(ask(ctx, "inproc://ext-rep", "w"))
                            .isEqualTo(ZmqMessage.of("customized: cannot handle w"));
                    assertThat(ctx.getBean(FailingRep.class).attempts).hasValue(2);
                    assertThat(publisher.parked).containsExactly(new Parked("failing-rep", "w", "cannot handle w", 2));
                });
    }

    @Test
    void aCustomizerCanSetTheContainerErrorHandler() {
        RecordingContainerErrorHandler handler = new RecordingContainerErrorHandler();
        runner.withBean(ZmqListenerContainerFactoryCustomizer.class,
                        () -> factory -> factory.getContainerProperties().setContainerErrorHandler(handler))
                .withUserConfiguration(FailingRep.class).run(ctx -> {
                    assertThat(propertiesOf(ctx, "failing-rep").getContainerErrorHandler()).isSameAs(handler);
                    assertThat(ask(ctx, "inproc://ext-rep", "v")).isEqualTo(ZmqMessage.of("recovered v"));
                    assertThat(handler.handled).containsExactly("failing-rep:cannot handle v:1");
                });
    }

    @Test
    void aCustomizerRunsAfterTheBeansAndWins() {
        RecordingPublisher bean = new RecordingPublisher();
        RecordingPublisher customized = new RecordingPublisher();
        runner.withBean(DeadLetterPublisher.class, () -> bean)
                .withBean(ZmqListenerContainerFactoryCustomizer.class,
                        () -> factory -> factory.getContainerProperties().setDeadLetterPublisher(customized))
                .withUserConfiguration(FailingPull.class).run(ctx -> {
                    push(ctx, "inproc://ext-pull", "p");
                    await().atMost(WAIT).until(() -> !customized.parked.isEmpty());
                    assertThat(customized.parked)
                            .containsExactly(new Parked("failing-pull", "p", "cannot handle p", 1));
                    assertThat(bean.parked).isEmpty();
                });
    }

    @Test
    void retriesOnTheAnnotationOverrideTheRetryBackOffBeanForThatListenerOnly() {
        runner.withBean(ZmqListenerAutoConfiguration.RETRY_BACK_OFF, BackOff.class, () -> new FixedBackOff(0, 3))
                .withPropertyValues("zmq.listener.retry.delay=5ms")
                .withUserConfiguration(FailingRep.class, FailingRepWithOneRetry.class).run(ctx -> {
                    assertThat(ask(ctx, "inproc://ext-rep-one-retry", "a")).isEqualTo(ZmqMessage.of("ERROR"));
                    assertThat(ctx.getBean(FailingRepWithOneRetry.class).attempts).as("retries = \"1\"").hasValue(2);

                    assertThat(ask(ctx, "inproc://ext-rep", "b")).isEqualTo(ZmqMessage.of("ERROR"));
                    assertThat(ctx.getBean(FailingRep.class).attempts).as("the bean's FixedBackOff(0, 3)")
                            .hasValue(4);
                });
    }

    @Test
    void theDeadLetterSocketPropertyTakesThePlaceOfADeadLetterPublisherBean() {
        RecordingPublisher bean = new RecordingPublisher();
        ZmqMessageConverter converter = new ZmqMessageConverter(new JsonMapper());
        runner.withBean(DeadLetterPublisher.class, () -> bean)
                .withPropertyValues("zmq.listener.dead-letter-socket=dlq", "zmq.sockets.dlq.type=PUSH",
                        "zmq.sockets.dlq.connect=inproc://ext-dlq")
                .withUserConfiguration(FailingPull.class).run(ctx -> {
                    assertThat(propertiesOf(ctx, "failing-pull").getDeadLetterPublisher())
                            .isInstanceOf(DeadLetterSocket.class).hasToString("DeadLetterSocket[dlq]");
                    try (ZmqSocket dlq = socket(ctx, SocketType.PULL, "inproc://ext-dlq", true)) {
                        push(ctx, "inproc://ext-pull", "to the socket");

                        ZmqMessage letter = dlq.recv(WAIT);
                        assertThat(letter).isNotNull();
                        @SuppressWarnings("unchecked")
                        Map<String, Object> headers = converter.fromZmqMessage(ZmqMessage.of(letter.first()),
                                Map.class);
                        assertThat(headers).containsEntry(ZmqDeadLetterHeaders.LISTENER_ID, "failing-pull")
                                .containsEntry(ZmqDeadLetterHeaders.EXCEPTION_MESSAGE, "cannot handle to the socket")
                                .containsEntry(ZmqDeadLetterHeaders.ATTEMPTS, 1);
                        assertThat(letter.frames().get(1).text()).isEqualTo("to the socket");
                    }
                    // the one failure was dead-lettered once, through the socket: the bean got nothing
                    await().atMost(WAIT).until(() -> container(ctx, "failing-pull").getDeadLettered() == 1);
                    assertThat(bean.parked).isEmpty();
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class FailingPull {
        @ZmqListener(id = "failing-pull", type = "PULL", bind = "inproc://ext-pull")
        void handle(String in) {
            throw new IllegalArgumentException("cannot handle " + in);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FailingRep {
        final AtomicInteger attempts = new AtomicInteger();

        @ZmqListener(id = "failing-rep", type = "REP", bind = "inproc://ext-rep")
        String handle(String in) {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("cannot handle " + in);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FailingRepWithOneRetry {
        final AtomicInteger attempts = new AtomicInteger();

        @ZmqListener(id = "one-retry", type = "REP", bind = "inproc://ext-rep-one-retry", retries = "1")
        String handle(String in) {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("cannot handle " + in);
        }
    }
}
