package dev.zmq.spring.test.reference;

// tag::harness-test[]
import dev.zmq.spring.test.AutoConfigureZmqTest;
import dev.zmq.spring.test.Capture;
import dev.zmq.spring.test.CapturedMessage;
import dev.zmq.spring.test.Invocation;
import dev.zmq.spring.test.ZmqTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureZmqTest                      // every endpoint moves to inproc://; a ZmqTestHarness bean
class ReferenceTestingTest {

    @Autowired
    ZmqTestHarness harness;
    @Autowired
    OrderService orders;

    @AfterEach
    void reset() {
        harness.reset();                   // forgets recorded calls, closes captures (hands endpoints back)
    }

    @Test
    void aListenerGetsWhatIsSentToItsSocket() {
        harness.send("order-intake", new Order("tea", 3));            // a PUSH into the PULL listener's socket
        Invocation call = harness.awaitInvocation("order-intake");    // by listener id
        assertThat(call.argument(Order.class)).isEqualTo(new Order("tea", 3));
        assertThat(call.failure()).isNull();
    }

    @Test
    void aRepListenerAnswers() {
        Quote quote = harness.request("quote-service", new QuoteRequest("EURUSD"), Quote.class);
        assertThat(quote.bid()).isLessThan(quote.ask());
    }

    @Test
    void aSubListenerGetsWhatIsPublished() {
        harness.publish("price-feed", "prices.EURUSD", new Price("EURUSD", 1.08));  // once it has subscribed
        assertThat(harness.awaitInvocation("price-feed").arguments())
                .containsExactly("prices.EURUSD", new Price("EURUSD", 1.08));
    }

    @Test
    void whatTheApplicationSendsIsCaptured() {
        Capture sent = harness.capture("orders");  // the listener bound where "orders" connects makes way
        orders.place(new Order("tea", 3));
        CapturedMessage message = sent.next();
        assertThat(message.text()).isEqualTo("{\"item\":\"tea\",\"quantity\":3}");
        assertThat(message.topic()).isNull();
    }
}
// end::harness-test[]
