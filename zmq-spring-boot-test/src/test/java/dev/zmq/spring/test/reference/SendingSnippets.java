package dev.zmq.spring.test.reference;

import dev.zmq.ZmqMessage;
import dev.zmq.spring.core.ZmqOperations;
import org.springframework.core.ParameterizedTypeReference;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The sending examples of {@code docs/reference/sending.md}, each a method that returns what it got;
 * {@link ReferenceSendingTest} calls them against the listeners of {@link ReferenceApplication}.
 */
public class SendingSnippets {

    private final ZmqOperations zmq;

    public SendingSnippets(ZmqOperations zmq) {
        this.zmq = zmq;
    }

    void send() {
        // tag::send[]
        zmq.send("orders", new Order("tea", 3));                          // an object: one JSON frame
        zmq.send("orders", "text");                                       // a String: one UTF-8 frame
        zmq.send("orders", new byte[] {1, 2, 3});                         // bytes: one frame, as they are
        zmq.send("orders", ZmqMessage.of("several", "frames"));           // a ZmqMessage: every frame
        // end::send[]
    }

    void publish() {
        // tag::send-topic[]
        zmq.send("prices", "prices.EURUSD", new Price("EURUSD", 1.0804));  // frames: topic, JSON
        // end::send-topic[]
    }

    void open() {
        // tag::open[]
        zmq.open("prices");                         // bind or connect now rather than at the first send
        // end::open[]
    }

    Quote request() {
        // tag::request[]
        Quote quote = zmq.sendAndReceive("quotes", new QuoteRequest("EURUSD"), Quote.class, Duration.ofSeconds(2));
        // end::request[]
        return quote;
    }

    List<Quote> requestGeneric() {
        // tag::request-generic[]
        List<Quote> board = zmq.sendAndReceive("board", "EURUSD,GBPUSD",
                new ParameterizedTypeReference<List<Quote>>() { }, Duration.ofSeconds(2));
        // end::request-generic[]
        return board;
    }

    ZmqMessage requestRaw() {
        // tag::request-raw[]
        ZmqMessage reply = zmq.sendAndReceive("quotes", new QuoteRequest("EURUSD"), Duration.ofSeconds(2));
        byte[] json = reply.data(0);                                      // the reply's body frames, unconverted
        // end::request-raw[]
        return ZmqMessage.of(json);
    }

    List<Quote> requestAsync() {
        // tag::request-async[]
        List<CompletableFuture<Quote>> quotes = Stream.of("EURUSD", "GBPUSD", "USDJPY")
                .map(s -> zmq.sendAndReceiveAsync("quotes-async", new QuoteRequest(s), Quote.class,
                        Duration.ofSeconds(2)))                           // a DEALER: all three in flight at once
                .toList();
        List<Quote> answers = quotes.stream().map(CompletableFuture::join).toList();
        // end::request-async[]
        return answers;
    }

    CompletableFuture<Quote> requestAsyncOverReq() {
        // tag::request-async-req[]
        CompletableFuture<Quote> quote = zmq.sendAndReceiveAsync("quotes", new QuoteRequest("EURUSD"), Quote.class,
                Duration.ofSeconds(2));      // a REQ: queued behind earlier requests, sent when they are answered
        // end::request-async-req[]
        return quote;
    }
}
