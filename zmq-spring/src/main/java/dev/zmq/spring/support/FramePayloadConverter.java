package dev.zmq.spring.support;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConverter;

import java.nio.charset.StandardCharsets;

/**
 * Converts a received frame's bytes to what a listener parameter asks for: {@code byte[]} (or {@code Object}) as
 * is, {@code String} as UTF-8, anything else through the JSON converter. The two common cases skip Spring's
 * content-type negotiation, which costs more per message than the whole socket hand-off. Stateless and
 * thread-safe; converts only from messages ({@link #toMessage} returns {@code null}).
 */
final class FramePayloadConverter implements MessageConverter {

    private final MessageConverter json;

    FramePayloadConverter(MessageConverter json) {
        this.json = json;
    }

    @Override
    public Object fromMessage(Message<?> message, Class<?> targetClass) {
        if (message.getPayload() instanceof byte[] bytes) {
            if (targetClass == byte[].class || targetClass == Object.class) {
                return bytes;
            }
            if (targetClass == String.class) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
        return json.fromMessage(message, targetClass);
    }

    @Override
    public Message<?> toMessage(Object payload, MessageHeaders headers) {
        return null;
    }
}
