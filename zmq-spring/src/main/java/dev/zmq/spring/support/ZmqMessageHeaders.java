package dev.zmq.spring.support;

import org.springframework.messaging.MessageHeaders;

import java.util.Map;

/**
 * Headers of a received ZeroMQ message, made without the random id and timestamp Spring adds by default: generating
 * a UUID per message costs more than the rest of the hand-off. Immutable, like every {@link MessageHeaders}.
 */
public final class ZmqMessageHeaders extends MessageHeaders {

    /** Headers holding {@code headers} (null values are left out), with no id and no timestamp. */
    public ZmqMessageHeaders(Map<String, Object> headers) {
        super(headers, ID_VALUE_NONE, -1L);
    }
}
