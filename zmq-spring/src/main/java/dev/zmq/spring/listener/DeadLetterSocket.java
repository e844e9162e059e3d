package dev.zmq.spring.listener;

import dev.zmq.ZmqMessage;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.support.ReceivedMessage;
import dev.zmq.spring.support.ZmqDeadLetterHeaders;
import dev.zmq.spring.support.ZmqHeaders;
import dev.zmq.spring.support.ZmqMessageConverter;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends failed messages to a socket named under {@code zmq.sockets}: a JSON frame of the {@link ZmqDeadLetterHeaders}
 * (listener id, exception class and message, attempts, and when the message had them its topic and routing id),
 * followed by the message's body frames as they arrived. Thread-safe (through the template); a send that fails throws what the template throws.
 */
public final class DeadLetterSocket implements DeadLetterPublisher {

    private final ZmqTemplate template;
    private final ZmqMessageConverter converter;
    private final String socket;

    /** Dead letters to {@code socket}, sent with {@code template}, headers written as JSON by {@code converter}. */
    public DeadLetterSocket(ZmqTemplate template, ZmqMessageConverter converter, String socket) {
        this.template = template;
        this.converter = converter;
        this.socket = socket;
    }

    @Override
    public void publish(String listenerId, ReceivedMessage message, Throwable error, int attempts) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(ZmqDeadLetterHeaders.LISTENER_ID, listenerId);
        headers.put(ZmqDeadLetterHeaders.EXCEPTION, error.getClass().getName());
        headers.put(ZmqDeadLetterHeaders.EXCEPTION_MESSAGE, String.valueOf(error.getMessage()));
        headers.put(ZmqDeadLetterHeaders.ATTEMPTS, attempts);
        // what the frames told, as listeners see it in their headers
        Map<String, Object> received = new HashMap<>();
        message.addHeadersTo(received);
        if (received.get(ZmqHeaders.TOPIC) instanceof String topic) {
            headers.put(ZmqDeadLetterHeaders.TOPIC, topic);
        }
        Object routingId = received.get(ZmqHeaders.ROUTING_ID);
        if (routingId != null) {
            headers.put(ZmqDeadLetterHeaders.ROUTING_ID,
                    routingId instanceof byte[] id ? HexFormat.of().formatHex(id) : routingId);
        }
        ZmqMessage.Builder letter = ZmqMessage.builder().add(converter.toFrame(headers));
        message.body().forEach(letter::add);
        template.send(socket, letter.build());
    }

    @Override
    public String toString() {
        return "DeadLetterSocket[" + socket + "]";
    }
}
