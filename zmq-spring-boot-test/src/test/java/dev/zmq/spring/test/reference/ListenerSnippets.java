package dev.zmq.spring.test.reference;

import dev.zmq.ZmqMessage;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.support.ZmqHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.SendTo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The listener examples of {@code docs/reference/listeners.md}, one bean of {@link ReferenceApplication};
 * {@link ReferenceListenersTest} drives each of them.
 */
public class ListenerSnippets {

    private static final Logger log = LoggerFactory.getLogger(ListenerSnippets.class);

    // tag::rep-listener[]
    @ZmqListener(id = "quote-service", socket = "quote-service")         // zmq.sockets.quote-service is a REP
    public Quote quote(QuoteRequest request) {
        return new Quote(request.symbol(), 1.0802, 1.0806);               // the return value is the reply
    }
    // end::rep-listener[]

    // tag::router-listener[]
    @ZmqListener(id = "upper", type = "ROUTER", bind = "tcp://*:5561")
    public String upper(String text, @Header(ZmqHeaders.ROUTING_ID) byte[] sender) {
        return text.toUpperCase(Locale.ROOT);                             // goes back to that sender only
    }
    // end::router-listener[]

    // tag::generic-reply[]
    @ZmqListener(id = "quote-board", type = "REP", bind = "tcp://*:5565")
    public List<Quote> board(String symbols) {                            // "EURUSD,GBPUSD"
        return Arrays.stream(symbols.split(",")).map(s -> new Quote(s, 1.0, 1.1)).toList();
    }
    // end::generic-reply[]

    // tag::message-parameters[]
    @ZmqListener(id = "audit", type = "PULL", bind = "tcp://*:5562")
    public void audit(Message<Order> message, ZmqMessage frames,
                      @Header(ZmqHeaders.LISTENER_ID) String listenerId) {
        Order order = message.getPayload();                               // the first body frame, converted
        String socket = message.getHeaders().get(ZmqHeaders.SOCKET, String.class);  // an inline socket: the id
        log.info("{} frame(s) on {} for {}: {}", frames.size(), socket, listenerId, order);
    }
    // end::message-parameters[]

    // tag::send-to[]
    @ZmqListener(id = "work", socket = "work")                            // a PULL socket cannot reply...
    @SendTo("results")                                                    // ...so the result goes to a named socket
    public String work(Order order) {
        return "packed " + order.quantity() + " " + order.item();
    }
    // end::send-to[]

    // tag::concurrency[]
    @ZmqListener(id = "pricing", type = "REP", bind = "tcp://*:5563", concurrency = "4")
    public Quote price(QuoteRequest request) {                            // up to 4 requests in hand at once
        return new Quote(request.symbol(), 1.0802, 1.0806);
    }
    // end::concurrency[]

    // tag::settings[]
    @ZmqListener(id = "replay", type = "PULL", bind = "tcp://*:5564",
            autoStartup = "false",                                        // started by hand (see below)
            concurrency = "${replay.threads:2}",                          // placeholders and #{SpEL} work
            retries = "3")                                                // over zmq.listener.retry.max-retries
    public void replay(Order order) {
        log.info("replayed {}", order);
    }
    // end::settings[]

    // tag::container-factory-use[]
    @ZmqListener(id = "bulk", type = "PULL", bind = "tcp://*:5566", containerFactory = "bulkListeners")
    public void bulk(byte[] body) {
        log.info("{} bytes", body.length);
    }
    // end::container-factory-use[]
}
