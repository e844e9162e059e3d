package dev.zmq.sample;

import dev.zmq.ZmqMessage;
import dev.zmq.sample.quote.Quote;
import dev.zmq.sample.quote.QuoteRequest;
import dev.zmq.spring.test.AutoConfigureZmqTest;
import dev.zmq.spring.test.Capture;
import dev.zmq.spring.test.CapturedMessage;
import dev.zmq.spring.test.ZmqTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker profile on its own, its configured TCP endpoints moved to inproc by the starter's test support: work
 * goes in as the front would send it, answers are captured where the front would receive them, and the quote
 * service is asked directly. No ports, no front.
 */
@SpringBootTest
@ActiveProfiles("worker")
@AutoConfigureZmqTest
class WorkerTest {

    private static final JsonMapper JSON = new JsonMapper();

    @Autowired
    ZmqTestHarness harness;

    @AfterEach
    void reset() {
        harness.reset();
    }

    @Test
    void answersEachRequestUnderTheTopicOfTheFrontThatAsked() {
        Capture replies = harness.capture("replies");
        harness.send("work", new WebRequest("front-7", "r-1", "/hello/ada"));

        assertThat(harness.awaitInvocation("workers").argument(WebRequest.class).path()).isEqualTo("/hello/ada");
        CapturedMessage reply = replies.next();
        assertThat(reply.topic()).isEqualTo("front-7");
        WebResponse response = convert(reply);
        assertThat(response.requestId()).isEqualTo("r-1");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello, ada!");
    }

    @Test
    void anUnknownPathIsA404FromTheWorker() {
        Capture replies = harness.capture("replies");
        harness.send("work", new WebRequest("front-1", "r-2", "/nothing"));
        WebResponse response = convert(replies.next());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("no handler for /nothing");
    }

    @Test
    void theQuoteServiceAnswersAroundTheTickersPrice() {
        Quote quote = harness.request("quote-service", new QuoteRequest("EURUSD"), Quote.class);
        assertThat(quote.symbol()).isEqualTo("EURUSD");
        assertThat(quote.ask() - quote.bid()).isBetween(0.0003, 0.0005);
        assertThat(harness.awaitInvocation("quote-service").argument(QuoteRequest.class).symbol())
                .isEqualTo("EURUSD");
    }

    @Test
    void anUnknownSymbolFailsTheCallAndTheCallerGetsAnError() {
        ZmqMessage reply = harness.request("quote-service", new QuoteRequest("XXXYYY"));
        assertThat(reply.first().text()).isEqualTo("ERROR");
        assertThat(harness.awaitInvocation("quote-service").failure())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown symbol XXXYYY");
    }

    private static WebResponse convert(CapturedMessage reply) {
        return JSON.readValue(reply.payload(), WebResponse.class);
    }
}
