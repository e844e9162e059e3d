package dev.zmq.spring.integration;

import dev.zmq.SocketType;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.listener.MessageListenerContainer;
import dev.zmq.spring.listener.ZmqMessageListener;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Set;

/**
 * The receiving socket of an inbound adapter or gateway: a listener container made by the factory (so it gets the
 * same push-based threads, concurrency, error handling and observations as {@code @ZmqListener}), checked to be of
 * a type the component supports. Not thread-safe: its component creates, starts and stops it.
 */
final class InboundSocket {

    private final ZmqListenerContainerFactory factory;
    private final ZmqSocketSpec spec;
    private @Nullable MessageListenerContainer container;

    /**
     * @throws IllegalArgumentException when {@code spec}'s type is not in {@code allowed}
     */
    InboundSocket(ZmqListenerContainerFactory factory, ZmqSocketSpec spec, Set<SocketType> allowed, String role) {
        if (!allowed.contains(spec.type())) {
            throw new IllegalArgumentException(role + " needs a socket of type " + allowed + "; '" + spec.name()
                    + "' is " + spec.type());
        }
        this.factory = factory;
        this.spec = spec;
    }

    ZmqSocketSpec spec() {
        return spec;
    }

    private MessageListenerContainer running() {
        return Objects.requireNonNull(container, "the component is initialised before it starts or stops");
    }

    void open(String id, ZmqMessageListener listener) {
        container = factory.createContainer(id, spec, listener);
    }

    void start() {
        running().start();
    }

    void stop() {
        running().stop();
    }
}
