package dev.zmq.spring.support;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.SmartMessageConverter;

import java.nio.charset.StandardCharsets;

/**
 * Converts a received frame's bytes to what a listener parameter asks for: {@code byte[]} (or {@code Object}) as
 * is, {@code String} as UTF-8, anything else through the JSON converter. The two common cases skip Spring's
 * content-type negotiation, which costs more per message than the whole socket hand-off. A
 * {@link SmartMessageConverter}: the conversion hint (the listener's parameter) reaches the JSON converter, so a
 * parameter of a generic type ({@code List<Price>}) is read as that type, not as a list of maps. Stateless and
 * thread-safe; converts only from messages ({@link #toMessage} returns {@code null}).
 */
final class FramePayloadConverter implements SmartMessageConverter {

    private final SmartMessageConverter json;

    FramePayloadConverter(SmartMessageConverter json) {
        this.json = json;
    }

    @Override
    public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass) {
        return fromMessage(message, targetClass, null);
    }

    @Override
    public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass,
                                       @Nullable Object conversionHint) {
        if (message.getPayload() instanceof byte[] bytes) {
            if (targetClass == byte[].class || targetClass == Object.class) {
                return bytes;
            }
            if (targetClass == String.class) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
        return json.fromMessage(message, targetClass, conversionHint);
    }

    @Override
    public @Nullable Message<?> toMessage(Object payload, @Nullable MessageHeaders headers) {
        return null;
    }

    @Override
    public @Nullable Message<?> toMessage(Object payload, @Nullable MessageHeaders headers,
                                          @Nullable Object conversionHint) {
        return null;
    }
}
