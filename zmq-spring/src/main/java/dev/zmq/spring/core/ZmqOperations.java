package dev.zmq.spring.core;

import dev.zmq.ZmqMessage;
import org.springframework.core.ParameterizedTypeReference;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What an application does with the sockets named under {@code zmq.sockets}: one-way sends, publishing with a topic,
 * and request-reply, blocking or as a {@link CompletableFuture}. {@link ZmqTemplate} implements it; mock this
 * interface in tests of code that sends.
 *
 * <p>Implementations are thread-safe. Errors: {@link dev.zmq.ZmqException} (EAGAIN when a send or reply times out,
 * naming the socket; ENOTSUP for request-reply on a socket type that cannot do it), {@link IllegalArgumentException}
 * for an unknown socket name, {@link org.springframework.messaging.converter.MessageConversionException} for a
 * payload or reply that cannot be converted. Asynchronous calls report them through the future.
 */
public interface ZmqOperations {

    /** Opens the named socket now (connects early), instead of on first use. */
    void open(String socket);

    /** Sends {@code payload}: a {@code ZmqMessage} as it is, bytes as one frame, text as UTF-8, objects as JSON. */
    void send(String socket, Object payload);

    /** The same as {@link #send(String, Object)}. */
    void convertAndSend(String socket, Object payload);

    /** Publishes {@code payload} under {@code topic} (a RADIO's group). */
    void send(String socket, String topic, Object payload);

    /** Sends {@code request} and waits up to {@code timeout} for the reply's body frames. */
    ZmqMessage sendAndReceive(String socket, Object request, Duration timeout);

    /** As {@link #sendAndReceive(String, Object, Duration)}, the reply's first frame read as {@code type}. */
    <T> T sendAndReceive(String socket, Object request, Class<T> type, Duration timeout);

    /** As {@link #sendAndReceive(String, Object, Duration)}, the reply read as a generic type ({@code List<Quote>}). */
    <T> T sendAndReceive(String socket, Object request, ParameterizedTypeReference<T> type, Duration timeout);

    /**
     * Sends {@code request} without waiting; the future completes with the reply's body frames, or exceptionally
     * (EAGAIN naming the socket when no reply comes within {@code timeout}). Many requests are in flight at once over
     * a DEALER; over REQ or CLIENT they go one after another, in the order asked.
     */
    CompletableFuture<ZmqMessage> sendAndReceiveAsync(String socket, Object request, Duration timeout);

    /** As {@link #sendAndReceiveAsync(String, Object, Duration)}, the reply's first frame read as {@code type}. */
    <T> CompletableFuture<T> sendAndReceiveAsync(String socket, Object request, Class<T> type, Duration timeout);

    /** As {@link #sendAndReceiveAsync(String, Object, Duration)}, the reply read as a generic type. */
    <T> CompletableFuture<T> sendAndReceiveAsync(String socket, Object request, ParameterizedTypeReference<T> type,
                                                 Duration timeout);
}
