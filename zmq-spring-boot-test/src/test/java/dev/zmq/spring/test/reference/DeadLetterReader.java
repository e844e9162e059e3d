package dev.zmq.spring.test.reference;

// tag::dead-letter-reader[]
import dev.zmq.Frame;
import dev.zmq.ZmqMessage;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.support.ZmqDeadLetterHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

@Component
public class DeadLetterReader {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReader.class);

    @ZmqListener(id = "dead-letter-reader", type = "PULL", bind = "tcp://*:5600")
    public void onDeadLetter(@Payload Map<String, Object> headers, ZmqMessage letter) {
        String listenerId = (String) headers.get(ZmqDeadLetterHeaders.LISTENER_ID);
        String exception = (String) headers.get(ZmqDeadLetterHeaders.EXCEPTION);      // a class name
        String reason = (String) headers.get(ZmqDeadLetterHeaders.EXCEPTION_MESSAGE);
        int attempts = ((Number) headers.get(ZmqDeadLetterHeaders.ATTEMPTS)).intValue();
        String topic = (String) headers.get(ZmqDeadLetterHeaders.TOPIC);               // null unless it had one
        List<Frame> original = letter.frames().subList(1, letter.size());              // the body as it arrived
        log.warn("{} gave up after {} attempts ({}: {}; topic {}): {}", listenerId, attempts, exception, reason,
                topic, original.get(0).text());
    }
}
// end::dead-letter-reader[]
