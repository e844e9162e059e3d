package dev.zmq.spring.core;

import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.metrics.ZmqTemplateObservationContext;
import dev.zmq.spring.metrics.ZmqTemplateObservationConvention;
import dev.zmq.spring.support.OutgoingTopic;
import dev.zmq.spring.support.TraceEnvelope;
import dev.zmq.spring.support.ZmqMessageConverter;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.ParameterizedTypeReference;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@link ZmqOperations} over the sockets named under {@code zmq.sockets}: one-way sends, publishing with a topic,
 * and request-reply over REQ, DEALER or CLIENT sockets, blocking or asynchronous. Each named socket is opened on
 * first use (or by {@link #open}) and kept. Asynchronous requests are not recorded as observations.
 *
 * <p>Thread-safe: any number of threads may call it at once (see {@link SharedSocket}: a DEALER carries many
 * requests at once, a REQ or CLIENT one at a time). Errors: {@link ZmqException} (EAGAIN when a send or reply times
 * out, ENOTSUP for request-reply on a socket type that cannot do it), {@link IllegalArgumentException} for an unknown
 * socket name, {@link org.springframework.messaging.converter.MessageConversionException} for a payload it cannot
 * convert.
 */
public class ZmqTemplate implements ZmqOperations, DisposableBean {

    private final ZmqContext context;
    private final ZmqSocketRegistry sockets;
    private final ZmqMessageConverter converter;
    private final Map<String, SharedSocket> senders = new ConcurrentHashMap<>();
    private ObservationRegistry observations = ObservationRegistry.NOOP;
    private @Nullable ZmqTemplateObservationConvention convention;
    private final Map<String, KeyValues> sendKeyValues = new ConcurrentHashMap<>();
    private final Map<String, KeyValues> requestKeyValues = new ConcurrentHashMap<>();

    /** A template over the named sockets of {@code sockets}, opened in {@code context}. */
    public ZmqTemplate(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
        this.context = context;
        this.sockets = sockets;
        this.converter = converter;
    }

    /** Records sends and requests as {@code zmq.template} observations (none by default). */
    public void setObservationRegistry(ObservationRegistry observations) {
        this.observations = observations;
    }

    /** Names and tags the observations ({@link ZmqTemplateObservationConvention#DEFAULT} when unset). */
    public void setObservationConvention(ZmqTemplateObservationConvention convention) {
        this.convention = convention;
    }

    /**
     * Opens the named socket now instead of at its first send, so its connections (and a PUB's subscribers) are
     * there when the first message goes out: a PUB drops what it sends before a subscriber's subscription arrives.
     */
    @Override
    public void open(String socket) {
        sender(socket);
    }

    /**
     * Sends {@code payload}: a {@code ZmqMessage} as it is (every frame), bytes as one frame, text as UTF-8, other
     * objects as JSON.
     */
    @Override
    public void send(String socket, Object payload) {
        publish(socket, null, converter.toZmqMessage(payload));
    }

    /** The same as {@link #send(String, Object)}, named as Spring's other templates name converting sends. */
    @Override
    public void convertAndSend(String socket, Object payload) {
        send(socket, payload);
    }

    /**
     * Publishes {@code payload} under {@code topic}: a topic frame, then the payload frame(s); through a RADIO socket
     * the topic is the message's group.
     */
    @Override
    public void send(String socket, String topic, Object payload) {
        publish(socket, topic, converter.toZmqMessage(payload));
    }

    /** Sends {@code body} under {@code topic} (none when {@code null}), observed, with trace context if on. */
    private void publish(String socket, @Nullable String topic, ZmqMessage body) {
        if (observations.isNoop()) {
            sender(socket).send(topic == null ? body : OutgoingTopic.apply(sockets.get(socket).type(), topic, body));
            return;
        }
        ZmqSocketSpec spec = sockets.get(socket);
        observe(spec, "send", body, message -> {
            sender(socket).send(topic == null ? message : OutgoingTopic.apply(spec.type(), topic, message));
            return null;
        });
    }

    /**
     * Sends {@code request} and waits for its reply, over a REQ socket (lock-step), a DEALER (concurrent; a
     * correlation frame and an empty delimiter go first, as a REP or ROUTER peer expects and echoes; late replies to
     * earlier, timed-out requests are discarded) or a CLIENT (one at a time; replies left over from a timed-out
     * request are discarded before the next).
     *
     * @return the reply's body frames
     * @throws ZmqException EAGAIN when no reply comes within {@code timeout}; ENOTSUP for other socket types
     */
    @Override
    public ZmqMessage sendAndReceive(String socket, Object request, Duration timeout) {
        ZmqMessage message = converter.toZmqMessage(request);
        if (observations.isNoop()) {
            return sender(socket).request(message, timeout);
        }
        return observe(sockets.get(socket), "request", message, m -> sender(socket).request(m, timeout));
    }

    /**
     * Runs {@code action} on {@code message} inside a {@code zmq.template} observation; on a socket with propagation
     * on, the message first gets the envelope of the trace headers the observation's handlers wrote.
     */
    private <T> T observe(ZmqSocketSpec spec, String operation, ZmqMessage message, Function<ZmqMessage, T> action) {
        Map<String, KeyValues> byOperation = operation.equals("send") ? sendKeyValues : requestKeyValues;
        KeyValues tags = byOperation.computeIfAbsent(spec.name(),
                n -> KeyValues.of("socket", n, "operation", operation));
        ZmqTemplateObservationContext context = new ZmqTemplateObservationContext(spec.name(), operation, tags,
                spec.propagation());
        Observation o = Observation.createNotStarted(convention, ZmqTemplateObservationConvention.DEFAULT,
                () -> context, observations).start();
        try {
            return action.apply(spec.propagation() ? TraceEnvelope.prepend(Objects.requireNonNull(context.getCarrier(),
                    "a propagating context has a carrier"), message) : message);
        } catch (RuntimeException e) {
            o.error(e);
            throw e;
        } finally {
            o.stop();
        }
    }

    /** As {@link #sendAndReceive(String, Object, Duration)}, converting the reply's first frame to {@code type}. */
    @Override
    public <T> T sendAndReceive(String socket, Object request, Class<T> type, Duration timeout) {
        return converter.fromZmqMessage(sendAndReceive(socket, request, timeout), type);
    }

    @Override
    public <T> T sendAndReceive(String socket, Object request, ParameterizedTypeReference<T> type, Duration timeout) {
        return converter.fromZmqMessage(sendAndReceive(socket, request, timeout), type);
    }

    @Override
    public CompletableFuture<ZmqMessage> sendAndReceiveAsync(String socket, Object request, Duration timeout) {
        try {
            return sender(socket).requestAsync(converter.toZmqMessage(request), timeout);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <T> CompletableFuture<T> sendAndReceiveAsync(String socket, Object request, Class<T> type,
                                                        Duration timeout) {
        return sendAndReceiveAsync(socket, request, timeout).thenApply(reply -> converter.fromZmqMessage(reply, type));
    }

    @Override
    public <T> CompletableFuture<T> sendAndReceiveAsync(String socket, Object request,
                                                        ParameterizedTypeReference<T> type, Duration timeout) {
        return sendAndReceiveAsync(socket, request, timeout).thenApply(reply -> converter.fromZmqMessage(reply, type));
    }

    /** Closes the sockets this template opened (queued messages are still sent within their LINGER). */
    @Override
    public void destroy() {
        senders.values().forEach(SharedSocket::close);
        senders.clear();
    }

    private SharedSocket sender(String name) {
        SharedSocket s = senders.get(name);
        return s != null ? s : senders.computeIfAbsent(name, n -> SharedSocket.open(sockets.get(n), context));
    }
}
