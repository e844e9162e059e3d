package dev.zmq.spring.mongrel2;

import dev.zmq.ZmqMessage;
import dev.zmq.spring.support.ZmqHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

import java.util.concurrent.atomic.LongAdder;

/**
 * Resolves a {@code @ZmqListener} parameter of type {@link Mongrel2Request}: parses the received message's first
 * frame with {@link Mongrel2Codec#parse}. A malformed request is reported (a WARN line naming the listener, the
 * peer's address, the sender UUID if any and the reason; {@link #malformedRequests()} counts it) and then thrown as
 * the {@link Mongrel2ProtocolException}, so the listener is not called and the container treats the message as a
 * failed one (its error handler, dead letters if configured) and goes on with the next. Register it on the
 * container factory with {@link dev.zmq.spring.config.ZmqListenerContainerFactory#addArgumentResolver}, which
 * {@link EnableMongrel2} does. Thread-safe.
 */
public final class Mongrel2RequestArgumentResolver implements HandlerMethodArgumentResolver {

    private static final Logger LOG = LoggerFactory.getLogger(Mongrel2RequestArgumentResolver.class);

    private final LongAdder malformed = new LongAdder();

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Mongrel2Request.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        ZmqMessage received = message.getHeaders().get(ZmqHeaders.RECEIVED_MESSAGE, ZmqMessage.class);
        try {
            if (received == null || received.size() == 0) {
                throw new Mongrel2ProtocolException(null, "an empty message");
            }
            if (received.size() > 1) {
                throw new Mongrel2ProtocolException(null, "a " + received.size() + "-frame message (Mongrel2 sends one)");
            }
            return Mongrel2Codec.parse(received.first().data());
        } catch (Mongrel2ProtocolException e) {
            malformed.increment();
            LOG.warn("Mongrel2 handler '{}' dropped a malformed request from peer {} (sender {}): {}",
                    message.getHeaders().get(ZmqHeaders.LISTENER_ID), peer(received),
                    e.sender() == null ? "unknown" : e.sender(), e.getMessage());
            throw e;
        }
    }

    /** How many malformed requests this resolver has dropped, over every listener it serves. */
    public long malformedRequests() {
        return malformed.sum();
    }

    private static String peer(@Nullable ZmqMessage received) {
        String address = received == null ? null : received.property("Peer-Address");
        return address == null ? "unknown" : address;
    }
}
