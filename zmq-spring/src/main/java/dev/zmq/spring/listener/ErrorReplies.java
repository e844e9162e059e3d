package dev.zmq.spring.listener;

import dev.zmq.SocketType;
import dev.zmq.ZmqMessage;
import dev.zmq.spring.support.ReceivedMessage;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reply a caller gets when a listener on a socket that {@linkplain SocketType#replies() replies} failed for good:
 * what the {@link ZmqErrorHandler} returns (converted like a listener's return value), else {@code ERROR}, with the
 * exception's class and message when {@code returnExceptions} is on (one frame on the single-frame SERVER and PEER).
 * Sockets that do not reply get none; the error handler is called either way. Thread-safe when its error handler is.
 */
final class ErrorReplies {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReplies.class);

    private final String listenerId;
    private final SocketType type;
    private final ZmqErrorHandler errorHandler;
    private final ZmqMessageConverter converter;
    private final boolean returnExceptions;

    ErrorReplies(String listenerId, SocketType type, ContainerProperties properties, ZmqMessageConverter converter) {
        this.listenerId = listenerId;
        this.type = type;
        this.errorHandler = properties.getErrorHandler();
        this.converter = converter;
        this.returnExceptions = properties.isReturnExceptions();
    }

    /** The reply for {@code message}, whose handling ended with {@code error}; {@code null} when none is due. */
    @Nullable ZmqMessage reply(ReceivedMessage message, Exception error) {
        Object custom;
        try {
            custom = errorHandler.handleError(listenerId, message, error);
        } catch (RuntimeException handlerFailure) {
            LOG.error("the error handler of ZeroMQ listener '{}' failed", listenerId, handlerFailure);
            custom = null;
        }
        if (!type.replies()) {
            return null;
        }
        if (custom != null) {
            return converter.toZmqMessage(custom);
        }
        if (!returnExceptions) {
            return ZmqMessage.of("ERROR");
        }
        String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        return type.isThreadSafe() ? ZmqMessage.of("ERROR " + reason) : ZmqMessage.of("ERROR", reason);
    }
}
