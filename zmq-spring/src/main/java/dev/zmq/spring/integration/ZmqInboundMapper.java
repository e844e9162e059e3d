package dev.zmq.spring.integration;

import dev.zmq.ZmqMessage;
import dev.zmq.spring.support.ReceivedMessage;
import dev.zmq.spring.support.ZmqHeaders;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.support.ZmqMessageHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps received ZeroMQ messages to Spring messages for the inbound adapter and gateway: payload per
 * {@link PayloadMapping}, headers {@link ZmqHeaders#TOPIC}, {@link ZmqHeaders#ROUTING_ID}, {@link ZmqHeaders#SOCKET}
 * and {@link ZmqHeaders#RECEIVED_MESSAGE}. Immutable and thread-safe.
 *
 * @param mapping     what the payload becomes
 * @param payloadType the JSON target type for {@link PayloadMapping#JSON}
 * @param converter   the payload converter
 * @param socket      the socket name for the header
 */
public record ZmqInboundMapper(PayloadMapping mapping, Class<?> payloadType, ZmqMessageConverter converter,
                               String socket) {

    /** The Spring message for {@code received}. */
    public Message<?> toMessage(ReceivedMessage received) {
        Object payload = switch (mapping) {
            case BYTES -> received.payload();
            case STRING -> new String(received.payload(), StandardCharsets.UTF_8);
            case JSON -> converter.fromZmqMessage(ZmqMessage.of(received.body()), payloadType);
            case FRAMES -> received.raw();
        };
        Map<String, Object> headers = new HashMap<>(8);
        headers.put(ZmqHeaders.SOCKET, socket);
        received.addHeadersTo(headers);
        return new GenericMessage<>(payload, ZmqMessageHeaders.withId(headers));
    }

    /** The same mapping with another payload mapping and JSON type. */
    public ZmqInboundMapper with(PayloadMapping newMapping, Class<?> newType) {
        return new ZmqInboundMapper(newMapping, newType, converter, socket);
    }
}
