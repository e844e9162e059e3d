package dev.zmq.spring.support;

import dev.zmq.Frame;
import dev.zmq.ZmqMessage;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.support.GenericMessage;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Type;
import java.util.Map;


/**
 * Turns application payloads into ZeroMQ frames and received frames into the types listener methods and
 * {@code sendAndReceive} ask for. Outbound: {@code ZmqMessage} as is, {@code Frame}, {@code byte[]} (not copied),
 * {@code String} (UTF-8), a Spring {@code Message} by its payload, a {@link Framed} payload as its own frames,
 * anything else as JSON. Inbound: {@code byte[]}, {@code String}, anything else read as JSON, through a Spring
 * {@link MessageConverter} that listener methods share.
 *
 * <p>Thread-safe. Subclass or replace the bean to change the mapping. Conversion failures throw
 * {@link MessageConversionException} naming the type.
 */
public class ZmqMessageConverter {

    private final JsonMapper json;
    private final MessageConverter payloadConverter;

    /** A converter using {@code json} for objects that are neither bytes nor text. */
    public ZmqMessageConverter(JsonMapper json) {
        this.json = json;
        this.payloadConverter = new FramePayloadConverter(new JacksonJsonMessageConverter(json));
    }

    /** The frames for {@code payload}. */
    public ZmqMessage toZmqMessage(Object payload) {
        if (payload instanceof ZmqMessage m) {
            return m;
        }
        if (payload instanceof Message<?> m) {
            return toZmqMessage(m.getPayload());
        }
        if (payload instanceof Framed f) {
            return f.toZmqMessage();
        }
        return ZmqMessage.of(toFrame(payload));
    }

    /** One frame for {@code payload} (a topic plus this frame makes a published message). */
    public Frame toFrame(Object payload) {
        if (payload instanceof Frame f) {
            return f;
        }
        if (payload instanceof byte[] b) {
            return Frame.wrap(b);
        }
        if (payload instanceof String s) {
            return Frame.of(s);
        }
        try {
            return Frame.wrap(json.writeValueAsBytes(payload));
        } catch (RuntimeException e) {
            throw new MessageConversionException("cannot write " + payload.getClass().getName() + " as JSON: "
                    + e.getMessage(), e);
        }
    }

    /** Reads {@code body}'s first frame as {@code type} ({@code ZmqMessage} gives the body itself). */
    public <T> T fromZmqMessage(ZmqMessage body, Class<T> type) {
        if (type == ZmqMessage.class) {
            return type.cast(body);
        }
        byte[] bytes = body.size() == 0 ? new byte[0] : body.first().data();
        Object value = payloadConverter.fromMessage(new GenericMessage<>(bytes, ZmqMessageHeaders.withoutId(Map.of())),
                type);
        if (value == null) {
            throw new MessageConversionException("cannot convert a " + bytes.length + "-byte frame to "
                    + type.getName());
        }
        return type.cast(value);
    }

    /**
     * Reads {@code body}'s first frame as {@code type}, a generic one included ({@code List<Quote>}): bytes and text
     * as they are, anything else as JSON.
     *
     * @throws MessageConversionException when the frame is not {@code type}
     */
    public <T> T fromZmqMessage(ZmqMessage body, ParameterizedTypeReference<T> type) {
        Type t = type.getType();
        if (t instanceof Class<?> c) {
            @SuppressWarnings("unchecked")
            T value = (T) fromZmqMessage(body, c);
            return value;
        }
        byte[] bytes = body.size() == 0 ? new byte[0] : body.first().data();
        try {
            return json.readValue(bytes, json.getTypeFactory().constructType(t));
        } catch (RuntimeException e) {
            throw new MessageConversionException("cannot read a " + bytes.length + "-byte frame as " + t.getTypeName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The converter listener methods use for their payload parameters. */
    public MessageConverter payloadConverter() {
        return payloadConverter;
    }

    /**
     * A payload that knows its own frames (a protocol's wire message, e.g. a Mongrel2 reply): sent, returned from a
     * listener or sent by {@code @SendTo} as {@link #toZmqMessage()} says, not as JSON.
     */
    public interface Framed {

        /** The frames to send. */
        ZmqMessage toZmqMessage();
    }
}
