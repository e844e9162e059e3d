package dev.zmq.spring.listener;

import dev.zmq.Frame;
import dev.zmq.SocketType;
import dev.zmq.ZmqMessage;
import dev.zmq.spring.metrics.ZmqListenerObservationContext;
import dev.zmq.spring.metrics.ZmqListenerObservationConvention;
import dev.zmq.spring.metrics.ZmqListenerMetricsBinder;
import dev.zmq.spring.support.ReceivedMessage;
import dev.zmq.spring.support.TraceEnvelope;
import dev.zmq.spring.support.ZmqSocketSpec;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Handles one received message for a container: takes it apart as its socket frames it, opens its trace envelope
 * (sockets with propagation on), runs the listener inside a {@code zmq.listener} observation, hands a failure to the
 * {@link ContainerErrorHandler} and then to {@link ErrorReplies}, and wraps the reply in the request's envelope.
 * Thread-safe: a container's workers share one.
 */
final class ListenerInvoker {

    private final String id;
    private final ZmqSocketSpec spec;
    private final SocketType framing;
    private final ZmqMessageListener listener;
    private final ContainerErrorHandler failures;
    private final ErrorReplies errorReplies;
    private final ObservationRegistry observations;
    private final @Nullable ZmqListenerObservationConvention convention;
    private final KeyValues keyValues;
    private final AtomicLong retries;
    private final AtomicLong deadLettered;

    /**
     * @param framing      the type of the socket actually open (a concurrent REP listener's ROUTER)
     * @param retries      counts attempts made again
     * @param deadLettered counts messages recovered
     */
    ListenerInvoker(String id, ZmqSocketSpec spec, SocketType framing, ZmqMessageListener listener,
                    ContainerErrorHandler failures, ErrorReplies errorReplies, ContainerProperties properties,
                    AtomicLong retries, AtomicLong deadLettered) {
        this.id = id;
        this.spec = spec;
        this.framing = framing;
        this.listener = listener;
        this.failures = failures;
        this.errorReplies = errorReplies;
        this.observations = properties.getObservationRegistry();
        this.convention = properties.getObservationConvention();
        this.keyValues = KeyValues.of(ZmqListenerMetricsBinder.LISTENER_TAG, id, "socket", spec.name());
        this.retries = retries;
        this.deadLettered = deadLettered;
    }

    /** The reply to send back through the socket, enveloped, or {@code null} for none. */
    @Nullable ZmqMessage handle(ZmqMessage raw) {
        ReceivedMessage m = ReceivedMessage.split(raw, framing);
        Map<String, String> traceHeaders = Map.of();
        if (spec.propagation()) {
            TraceEnvelope.Opened opened = TraceEnvelope.open(m);
            m = opened.message();
            traceHeaders = opened.headers();
        }
        ZmqMessage reply;
        Observation observation = observations.isNoop() ? Observation.NOOP : observation(traceHeaders);
        try (Observation.Scope scope = observation.openScope()) {
            reply = invoke(m);
        } catch (Exception e) {
            observation.error(e);
            reply = errorReplies.reply(m, e);
        } finally {
            observation.stop();
        }
        if (reply == null && spec.type() == SocketType.REP) {
            reply = ZmqMessage.of(Frame.EMPTY);
        }
        return reply == null ? null : m.reply(reply);
    }

    private @Nullable ZmqMessage invoke(ReceivedMessage m) throws Exception {
        try {
            return listener.onMessage(m);
        } catch (Exception first) {
            return failures.handle(new FailedMessage(id, m, first, listener, retries, deadLettered));
        }
    }

    private Observation observation(Map<String, String> traceHeaders) {
        ZmqListenerObservationContext context = new ZmqListenerObservationContext(id, spec.name(), keyValues,
                traceHeaders);
        return Observation.createNotStarted(convention, ZmqListenerObservationConvention.DEFAULT, () -> context,
                observations).start();
    }
}
