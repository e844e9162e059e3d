package dev.zmq.spring.test.reference;

import dev.zmq.ZmqMessage;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import dev.zmq.spring.listener.MessageListenerContainer;
import dev.zmq.spring.listener.ZmqErrorHandler;
import dev.zmq.spring.support.ZmqDeadLetterHeaders;
import dev.zmq.spring.test.AutoConfigureZmqTest;
import dev.zmq.spring.test.Invocation;
import dev.zmq.spring.test.ZmqTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The errors page: retries, the dead-letter frames and their headers, the error replies. */
@SpringBootTest(classes = ErrorsApplication.class)
@AutoConfigureZmqTest
class ReferenceErrorsTest {

    @Autowired
    ZmqTestHarness harness;
    @Autowired
    ZmqListenerEndpointRegistry registry;

    @AfterEach
    void reset() {
        harness.reset();
    }

    @Test
    void aMessageFailingEveryAttemptIsRetriedThenDeadLettered() {
        harness.send("payments", new Order("tea", 0));
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(harness.awaitInvocation("payments").failure()).isInstanceOf(IllegalArgumentException.class);
        }
        Invocation letter = deadLetterOf("payments");
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = (Map<String, Object>) letter.arguments().get(0);
        assertThat(headers).containsEntry(ZmqDeadLetterHeaders.LISTENER_ID, "payments")
                .containsEntry(ZmqDeadLetterHeaders.EXCEPTION, IllegalArgumentException.class.getName())
                .containsEntry(ZmqDeadLetterHeaders.EXCEPTION_MESSAGE, "quantity must be positive: 0")
                .containsEntry(ZmqDeadLetterHeaders.ATTEMPTS, 3)
                .doesNotContainKeys(ZmqDeadLetterHeaders.TOPIC, ZmqDeadLetterHeaders.ROUTING_ID);
        ZmqMessage frames = letter.argument(ZmqMessage.class);
        assertThat(frames.size()).isEqualTo(2);
        assertThat(frames.frame(0).text()).isEqualTo("{\"listenerId\":\"payments\",\"exception\":"
                + "\"java.lang.IllegalArgumentException\",\"message\":\"quantity must be positive: 0\","
                + "\"attempts\":3}");                            // as errors.md shows it
        assertThat(frames.frame(1).text()).isEqualTo("{\"item\":\"tea\",\"quantity\":0}");

        MessageListenerContainer payments = registry.getListenerContainer("payments");
        assertThat(payments.getRetries()).isEqualTo(2);
        assertThat(payments.getDeadLettered()).isEqualTo(1);
    }

    @Test
    void aFailingRequestReplyListenerAnswersError() {
        assertThat(harness.request("lookups", "k").frames()).extracting(f -> f.text()).containsExactly("ERROR");
        assertThat(harness.request("refunds", "r-1").frames()).extracting(f -> f.text())
                .containsExactly("ERROR", "IllegalStateException: refunds are closed");
        assertThat(harness.request("rates", new QuoteRequest("XXX"), String.class)).isEqualTo("UNKNOWN XXX");
        assertThat(registry.getListenerContainer("lookups").getRetries()).isZero();
    }

    @Test
    void theOnlyZmqErrorHandlerBeanIsEveryListenersDefault(@Autowired ZmqListenerContainerFactory factory,
                                                             @Autowired ZmqErrorHandler rateErrors) {
        assertThat(factory.getContainerProperties().getErrorHandler()).isSameAs(rateErrors);
    }

    /** The dead letter of {@code listenerId} (the request-reply listeners' failures are dead-lettered too). */
    private Invocation deadLetterOf(String listenerId) {
        while (true) {
            Invocation call = harness.awaitInvocation("dead-letter-reader");
            if (listenerId.equals(((Map<?, ?>) call.arguments().get(0)).get(ZmqDeadLetterHeaders.LISTENER_ID))) {
                return call;
            }
        }
    }
}
