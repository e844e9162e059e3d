package dev.zmq.spring.test.reference;

// tag::service-class[]
import dev.zmq.spring.core.ZmqOperations;
import org.springframework.stereotype.Service;

import java.time.Duration;

@Service
public class OrderService {

    private final ZmqOperations zmq;                 // the ZmqTemplate bean; mock this interface in unit tests

    public OrderService(ZmqOperations zmq) {
        this.zmq = zmq;
    }

    public void place(Order order) {
        zmq.send("orders", order);                   // one JSON frame through the socket zmq.sockets.orders
    }

    public Quote quote(String symbol) {
        return zmq.sendAndReceive("quotes", new QuoteRequest(symbol), Quote.class, Duration.ofSeconds(2));
    }
}
// end::service-class[]
