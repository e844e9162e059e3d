package dev.zmq.spring.listener;

import dev.zmq.ZmqMessage;
import dev.zmq.spring.support.ReceivedMessage;
import org.jspecify.annotations.Nullable;

/**
 * What a listener container hands each received message to. Called on the container's threads: with concurrency 1
 * always the same thread, otherwise any of its workers, one message each at a time.
 */
@FunctionalInterface
public interface ZmqMessageListener {

    /**
     * Handles one message.
     *
     * @return the reply body for sockets that answer (REP, ROUTER, DEALER, PAIR), or {@code null} for none (a REP
     *     socket then answers with an empty frame, as it must answer something)
     * @throws Exception anything; it goes to the container's {@link ZmqErrorHandler}
     */
    @Nullable ZmqMessage onMessage(ReceivedMessage message) throws Exception;
}
