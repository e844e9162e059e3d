package dev.zmq.spring.support;

import org.springframework.messaging.MessageHeaders;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Headers of a received ZeroMQ message, made without Spring's default id generator, whose per-message
 * {@code Random}-backed UUID costs more than the rest of the hand-off. Listener messages get no id at all; Spring
 * Integration messages, which stores and aggregators key by id, get a random UUID from {@link ThreadLocalRandom}.
 * Immutable, like every {@link MessageHeaders}.
 */
public final class ZmqMessageHeaders extends MessageHeaders {

    private ZmqMessageHeaders(Map<String, Object> headers, UUID id, Long timestamp) {
        super(headers, id, timestamp);
    }

    /** Headers holding {@code headers}, with no id and no timestamp. */
    public static MessageHeaders withoutId(Map<String, Object> headers) {
        return new ZmqMessageHeaders(headers, ID_VALUE_NONE, -1L);
    }

    /** Headers holding {@code headers}, with a random id and the current time as timestamp. */
    public static MessageHeaders withId(Map<String, Object> headers) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new ZmqMessageHeaders(headers, new UUID(r.nextLong(), r.nextLong()), System.currentTimeMillis());
    }
}
