package dev.zmq.spring.listener;

import dev.zmq.ZmqMessage;
import org.jspecify.annotations.Nullable;

/**
 * What a listener container does with a message whose listener threw: try it again, park it, or give up. The
 * container's failure strategy, as Spring Kafka's {@code CommonErrorHandler}; {@link DefaultErrorHandler} retries
 * with a back-off, then hands the message to a {@link DeadLetterPublisher}. The reply a waiting caller gets once the
 * message failed for good is the {@link ZmqErrorHandler}'s to decide.
 *
 * <p>Implementations must be thread-safe: a container with concurrency calls it from several threads, one message
 * each.
 */
@FunctionalInterface
public interface ContainerErrorHandler {

    /**
     * Handles {@code failed}, whose listener threw on its first attempt.
     *
     * @return the reply of an attempt made again that succeeded ({@code null} for none)
     * @throws Exception the last attempt's exception, once the message failed for good (after it was recovered)
     */
    @Nullable ZmqMessage handle(FailedMessage failed) throws Exception;
}
