package dev.zmq.spring.listener;

import dev.zmq.spring.support.ReceivedMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default error handler: logs the failure (listener id, frame count, exception) at ERROR and lets the container
 * send its default error reply where one is due. Stateless and thread-safe.
 */
public final class LoggingErrorHandler implements ZmqErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingErrorHandler.class);

    @Override
    public @Nullable Object handleError(String listenerId, ReceivedMessage message, Exception error) {
        LOG.error("ZeroMQ listener '{}' failed on a {}-frame message", listenerId, message.raw().size(), error);
        return null;
    }
}
