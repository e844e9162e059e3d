package dev.zmq.spring.test.reference;

import dev.zmq.SocketType;
import dev.zmq.ZmqMessage;
import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import dev.zmq.spring.listener.MessageListenerContainer;
import dev.zmq.spring.listener.ZmqListenerContainer;
import dev.zmq.spring.support.ZmqHeaders;
import dev.zmq.spring.test.AutoConfigureZmqTest;
import dev.zmq.spring.test.Capture;
import dev.zmq.spring.test.Invocation;
import dev.zmq.spring.test.ZmqTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

/** Every listener example of {@code listeners.md}, driven through the test harness (on inproc). */
@SpringBootTest
@AutoConfigureZmqTest
class ReferenceListenersTest {

    @Autowired
    ZmqTestHarness harness;
    @Autowired
    ZmqListenerEndpointRegistry registry;
    @Autowired
    ReplayControl replay;

    @AfterEach
    void reset() {
        harness.reset();
    }

    @Test
    void aNamedSocketsListenerGetsItsPayloadConverted() {
        harness.send("order-intake", new Order("tea", 3));
        assertThat(harness.awaitInvocation("order-intake").argument(Order.class)).isEqualTo(new Order("tea", 3));
    }

    @Test
    void anInlineSubListenerGetsTheTopicAndThePayload() {
        harness.publish("price-feed", "prices.EURUSD", new Price("EURUSD", 1.08));
        Invocation call = harness.awaitInvocation("price-feed");
        assertThat(call.arguments()).containsExactly("prices.EURUSD", new Price("EURUSD", 1.08));
    }

    @Test
    void aRepListenersReturnValueIsTheReply() {
        assertThat(harness.request("quote-service", new QuoteRequest("EURUSD"), Quote.class))
                .isEqualTo(new Quote("EURUSD", 1.0802, 1.0806));
    }

    @Test
    void aRouterListenerAnswersTheSenderAndSeesItsRoutingId() {
        assertThat(harness.request("upper", "hello", String.class)).isEqualTo("HELLO");
        assertThat(harness.awaitInvocation("upper").argument(byte[].class)).isNotEmpty();
    }

    @Test
    void messageAndFramesAndHeadersAsParameters() {
        harness.send("audit", new Order("tea", 3));
        Invocation call = harness.awaitInvocation("audit");
        Message<?> message = call.argument(Message.class);
        assertThat(message.getPayload()).isEqualTo(new Order("tea", 3));
        assertThat(message.getHeaders().get(ZmqHeaders.SOCKET)).isEqualTo("audit");
        assertThat(call.argument(ZmqMessage.class).size()).isEqualTo(1);
        assertThat(call.argument(String.class)).isEqualTo("audit");
    }

    @Test
    void sendToForwardsTheReturnValueOfAOneWayListener() {
        Capture results = harness.capture("results");
        harness.send("work", new Order("tea", 3));
        assertThat(results.next(String.class)).isEqualTo("packed 3 tea");
    }

    @Test
    void concurrencyAboveOneTurnsARepIntoARouterThatStillAnswers() {
        assertThat(harness.request("pricing", new QuoteRequest("EURUSD"), Quote.class).symbol()).isEqualTo("EURUSD");
        MessageListenerContainer pricing = registry.getListenerContainer("pricing");
        assertThat(pricing.getConcurrency()).isEqualTo(4);
        assertThat(pricing.getSocket().type()).isEqualTo(SocketType.ROUTER);
    }

    @Test
    void settingsByNameAndStartingByHand() {
        ZmqListenerContainer container = (ZmqListenerContainer) registry.getListenerContainer("replay");
        assertThat(container.isRunning()).isFalse();
        assertThat(container.getConcurrency()).isEqualTo(2);
        assertThat(container.getContainerProperties().getRetries()).isEqualTo(3);

        replay.start();
        try {
            harness.send("replay", new Order("tea", 1));
            assertThat(harness.awaitInvocation("replay").argument(Order.class)).isEqualTo(new Order("tea", 1));
        } finally {
            replay.stop();
        }
        assertThat(container.isRunning()).isFalse();
    }

    @Test
    void aListenerOfAnotherContainerFactoryHasItsDefaults() {
        assertThat(registry.getListenerContainer("bulk").getConcurrency()).isEqualTo(8);
        harness.send("bulk", new byte[] {1, 2});
        assertThat(harness.awaitInvocation("bulk").argument(byte[].class)).containsExactly(1, 2);
    }
}
