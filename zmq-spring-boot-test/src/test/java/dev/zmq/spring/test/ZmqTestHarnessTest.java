package dev.zmq.spring.test;

import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import dev.zmq.spring.listener.MessageListenerContainer;
import dev.zmq.spring.core.ZmqOperations;
import dev.zmq.spring.support.ZmqHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.handler.annotation.Header;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harness against an application whose sockets are configured with TCP ports, as in production: the test runs
 * them on inproc, sends into each kind of listener, sees the calls, and captures what the application sends.
 */
@SpringBootTest(classes = ZmqTestHarnessTest.App.class, properties = {
    "zmq.sockets.orders.type=PULL", "zmq.sockets.orders.bind=tcp://*:5555",
    "zmq.sockets.confirmations.type=PUSH", "zmq.sockets.confirmations.connect=tcp://billing.internal:6000",
    "zmq.sockets.quotes.type=REP", "zmq.sockets.quotes.bind=tcp://*:5556",
    "zmq.sockets.prices.type=SUB", "zmq.sockets.prices.connect=tcp://ticker.internal:5557",
    "zmq.sockets.prices.topics=prices.",
    "zmq.sockets.audit.type=PUB", "zmq.sockets.audit.bind=tcp://*:5558",
    "zmq.sockets.self.type=PUSH", "zmq.sockets.self.connect=tcp://localhost:7001",
    "zmq.test.timeout=20s"})
@AutoConfigureZmqTest
class ZmqTestHarnessTest {

    @Autowired
    ZmqTestHarness harness;
    @Autowired
    ZmqContext context;

    record Order(String item, int quantity) {
    }

    record Quote(String symbol, double price) {
    }

    @AfterEach
    void reset() {
        harness.reset();
    }

    @Test
    void everyConfiguredEndpointRunsOnInproc() {
        List<ZmqSocket> sockets = context.sockets();
        assertThat(sockets).isNotEmpty();
        assertThat(sockets).allSatisfy(s -> {
            assertThat(s.boundEndpoints()).allMatch(e -> e.startsWith("inproc://"));
            assertThat(s.connectedEndpoints()).allMatch(e -> e.startsWith("inproc://"));
        });
        assertThat(sockets).anySatisfy(s -> assertThat(s.boundEndpoints()).contains("inproc://tcp:5555"));
    }

    @Test
    void sendsIntoAListenerSeesItsArgumentsAndCapturesWhatItSends() {
        Capture confirmations = harness.capture("confirmations");
        harness.send("orders", new Order("tea", 3));

        Invocation call = harness.awaitInvocation("orders");
        assertThat(call.argument(Order.class)).isEqualTo(new Order("tea", 3));
        assertThat(call.failure()).isNull();
        assertThat(confirmations.next(String.class)).isEqualTo("confirmed 3 tea");
    }

    @Test
    void drivesAnInlineListenerByItsId() {
        harness.send("inline", new byte[] {1, 2, 3});
        assertThat(harness.awaitInvocation("inline").argument(byte[].class)).containsExactly(1, 2, 3);
        assertThat(context.sockets()).anySatisfy(s -> assertThat(s.boundEndpoints()).contains("inproc://tcp:7000"));
    }

    @Test
    void aFailingListenerCallIsRecordedWithItsException() {
        harness.send("orders", new Order("poison", 1));
        Invocation call = harness.awaitInvocation("orders");
        assertThat(call.failure()).isInstanceOf(IllegalArgumentException.class).hasMessage("poisoned order");
        assertThat(call.result()).isNull();
    }

    @Test
    void requestsAReplyFromARepListener() {
        assertThat(harness.request("quotes", "EURUSD", Quote.class)).isEqualTo(new Quote("EURUSD", 1.25));
        assertThat(harness.awaitInvocation("quotes").result()).isEqualTo(new Quote("EURUSD", 1.25));
    }

    @Test
    void publishesToASubListenerOnceItSubscribed() {
        harness.publish("prices", "prices.EURUSD", "1.25");
        Invocation call = harness.awaitInvocation("prices");
        assertThat(call.arguments()).containsExactly("1.25", "prices.EURUSD");
    }

    @Test
    void capturesWhatTheApplicationPublishes(@Autowired ZmqOperations template) {
        template.open("audit");
        Capture audit = harness.capture("audit");
        // a PUB sends only to subscribers whose subscription has arrived: publish until the capture sees one
        org.awaitility.Awaitility.await().until(() -> {
            template.send("audit", "orders", "ping");
            return audit.pending() > 0;
        });
        assertThat(audit.next().topic()).isEqualTo("orders");
    }

    @Test
    void aCaptureTakesOverTheApplicationsOwnConsumerAndHandsItBack(@Autowired ZmqOperations template,
            @Autowired ZmqListenerEndpointRegistry registry) {
        MessageListenerContainer consumer = registry.getListenerContainer("self-consumer");
        Capture self = harness.capture("self");
        assertThat(consumer.isRunning()).as("the application's consumer makes way for the capture").isFalse();
        template.send("self", "to the test");
        CapturedMessage m = self.next();
        assertThat(m.text()).isEqualTo("to the test");
        assertThat(m.topic()).isNull();

        harness.reset();
        assertThat(consumer.isRunning()).as("closing the capture hands the endpoint back").isTrue();
        template.send("self", "to the application");
        assertThat(harness.awaitInvocation("self-consumer").argument(String.class)).isEqualTo("to the application");
    }

    @Test
    void tellsTheEndpointAListenerIsBoundTo() {
        assertThat(harness.boundEndpoint("inline")).isEqualTo("inproc://tcp:7000");
        assertThatThrownBy(() -> harness.boundEndpoint("nobody")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nobody'");
    }

    @Test
    void saysWhatDidNotHappen() {
        assertThatThrownBy(() -> harness.send("nowhere", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no socket named 'nowhere'").hasMessageContaining("orders");
        assertThatThrownBy(() -> harness.send("prices", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("publish");
        assertThatThrownBy(() -> harness.awaitInvocation("nobody")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no @ZmqListener with id 'nobody'");
    }

    @Test
    void twoApplicationsOnTheSamePortsRunSideBySide() {
        String[] args = {"--zmq.sockets.orders.type=PULL", "--zmq.sockets.orders.bind=tcp://*:5555",
            "--zmq.sockets.confirmations.type=PUSH", "--zmq.sockets.confirmations.connect=tcp://billing:6000",
            "--zmq.sockets.quotes.type=REP", "--zmq.sockets.quotes.bind=tcp://*:5556",
            "--zmq.sockets.prices.type=SUB", "--zmq.sockets.prices.connect=tcp://ticker:5557",
            "--zmq.sockets.audit.type=PUB", "--zmq.sockets.audit.bind=tcp://*:5558"};
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(App.class,
                ZmqTestAutoConfiguration.class).run(args)) {
            ZmqTestHarness otherHarness = other.getBean(ZmqTestHarness.class);
            assertThat(otherHarness.request("quotes", "GBPUSD", Quote.class)).isEqualTo(new Quote("GBPUSD", 1.25));
            assertThat(harness.request("quotes", "USDJPY", Quote.class)).isEqualTo(new Quote("USDJPY", 1.25));
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Listeners listeners(ZmqOperations template) {
            return new Listeners(template);
        }
    }

    static class Listeners {

        private final ZmqOperations template;

        Listeners(ZmqOperations template) {
            this.template = template;
        }

        @ZmqListener(id = "orders", socket = "orders")
        public void onOrder(Order order) {
            if (order.item().equals("poison")) {
                throw new IllegalArgumentException("poisoned order");
            }
            template.send("confirmations", "confirmed " + order.quantity() + " " + order.item());
        }

        @ZmqListener(id = "quotes", socket = "quotes")
        public Quote quote(String symbol) {
            return new Quote(symbol, 1.25);
        }

        @ZmqListener(id = "inline", type = "PULL", bind = "tcp://*:7000")
        public void inline(byte[] body) {
        }

        @ZmqListener(id = "self-consumer", type = "PULL", bind = "tcp://*:7001")
        public void selfConsumer(String body) {
        }

        @ZmqListener(id = "prices", socket = "prices")
        public void price(String price, @Header(ZmqHeaders.TOPIC) String topic) {
        }
    }
}
