package dev.zmq.spring.test.reference;

import dev.zmq.ErrorCode;
import dev.zmq.ZmqException;
import dev.zmq.spring.core.ZmqOperations;
import dev.zmq.spring.test.AutoConfigureZmqTest;
import dev.zmq.spring.test.Capture;
import dev.zmq.spring.test.CapturedMessage;
import dev.zmq.spring.test.ZmqTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Every sending example of {@code sending.md}, and the socket types the page says each method works on, against the
 * listeners of {@link ReferenceApplication}.
 */
@SpringBootTest
@AutoConfigureZmqTest
class ReferenceSendingTest {

    @Autowired
    ZmqTestHarness harness;
    @Autowired
    SendingSnippets snippets;
    @Autowired
    ZmqOperations zmq;
    @Autowired
    OrderService orders;

    @AfterEach
    void reset() {
        harness.reset();
    }

    @Test
    void sendConvertsByPayloadType() {
        Capture sent = harness.capture("orders");           // takes over the application's own "orders" listener
        snippets.send();
        assertThat(sent.next(Order.class)).isEqualTo(new Order("tea", 3));
        assertThat(sent.next().text()).isEqualTo("text");
        assertThat(sent.next().payload()).containsExactly(1, 2, 3);
        assertThat(sent.next().body()).extracting(f -> f.text()).containsExactly("several", "frames");
    }

    @Test
    void publishingPutsTheTopicFirst() {
        snippets.open();
        // tag::capture-pub[]
        zmq.open("prices");                                   // the application's PUB binds now
        Capture prices = harness.capture("prices");           // a SUB subscribed to everything
        await().until(() -> {                                 // publish until its subscription has arrived
            zmq.send("prices", "prices.EURUSD", new Price("EURUSD", 1.0804));
            return prices.pending() > 0;
        });
        CapturedMessage tick = prices.next();
        assertThat(tick.topic()).isEqualTo("prices.EURUSD");
        // end::capture-pub[]
        assertThat(tick.text()).isEqualTo("{\"symbol\":\"EURUSD\",\"value\":1.0804}");
        snippets.publish();
        assertThat(prices.next(Price.class)).isEqualTo(new Price("EURUSD", 1.0804));
    }

    @Test
    void requestsOverReqAndDealer() {
        assertThat(snippets.request()).isEqualTo(new Quote("EURUSD", 1.0802, 1.0806));
        assertThat(snippets.requestGeneric()).containsExactly(new Quote("EURUSD", 1.0, 1.1),
                new Quote("GBPUSD", 1.0, 1.1));
        assertThat(snippets.requestRaw().first().text()).contains("\"bid\":1.0802");
        assertThat(snippets.requestAsync()).extracting(Quote::symbol).containsExactly("EURUSD", "GBPUSD", "USDJPY");
        assertThat(snippets.requestAsyncOverReq().join().symbol()).isEqualTo("EURUSD");
        assertThat(orders.quote("GBPUSD").symbol()).isEqualTo("GBPUSD");
    }

    @Test
    void asyncRequestsOverReqRunOneAfterAnotherInTheOrderAsked() {
        List<CompletableFuture<Quote>> queued = List.of("A", "B", "C", "D").stream()
                .map(s -> zmq.sendAndReceiveAsync("quotes", new QuoteRequest(s), Quote.class, Duration.ofSeconds(5)))
                .toList();
        assertThat(queued.stream().map(CompletableFuture::join).map(Quote::symbol)).containsExactly("A", "B", "C", "D");
    }

    @Test
    void theServiceSendsThroughTheNamedSocket() {
        Capture sent = harness.capture("orders");
        orders.place(new Order("coffee", 2));
        assertThat(sent.next(Order.class)).isEqualTo(new Order("coffee", 2));
    }

    @Test
    void requestReplyOnAOneWaySocketIsNotSupported() {
        assertThatThrownBy(() -> zmq.sendAndReceive("orders", "x", Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOTSUP));
        assertThatThrownBy(() -> zmq.sendAndReceiveAsync("orders", "x", Duration.ofSeconds(1)).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ZmqException.class);
        assertThatThrownBy(() -> zmq.send("nowhere", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no socket named 'nowhere'");
    }
}
