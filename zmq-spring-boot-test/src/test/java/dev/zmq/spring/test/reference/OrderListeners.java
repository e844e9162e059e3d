package dev.zmq.spring.test.reference;

// tag::listener-class[]
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.support.ZmqHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

@Component
public class OrderListeners {

    private static final Logger log = LoggerFactory.getLogger(OrderListeners.class);

    /** Every message of the socket zmq.sockets.order-intake (a PULL), its JSON body read as an Order. */
    @ZmqListener(id = "order-intake", socket = "order-intake")
    public void onOrder(Order order) {
        log.info("{} x {}", order.quantity(), order.item());
    }

    /** An inline SUB socket of its own: connects to ${feed.url}, subscribed to the topics "prices.*". */
    @ZmqListener(id = "price-feed", type = "SUB", connect = "${feed.url}", topics = "prices.")
    public void onPrice(@Header(ZmqHeaders.TOPIC) String topic, Price price) {
        log.info("{}: {}", topic, price.value());
    }
}
// end::listener-class[]
