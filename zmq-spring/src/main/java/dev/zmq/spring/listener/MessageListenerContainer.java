package dev.zmq.spring.listener;

import dev.zmq.ZmqSocket;
import dev.zmq.spring.metrics.ListenerStatistics;
import dev.zmq.spring.support.ZmqSocketSpec;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * A running listener as the rest of the application sees it: lifecycle (start and stop from any thread), its
 * socket, its settings and what went wrong. The registry, the metrics, the health indicator and the Spring
 * Integration adapters depend on this, not on {@link ZmqListenerContainer}. Implementations are thread-safe.
 */
public interface MessageListenerContainer extends SmartLifecycle, ListenerStatistics {

    /** The socket it listens on. */
    ZmqSocketSpec getSocketSpec();

    /** How many messages may be handled at once. */
    int getConcurrency();

    /** The socket in use while running, to read statistics only; {@code null} when stopped. */
    @Nullable ZmqSocket getSocket();

    /** Why the listener is not working although nobody stopped it, or {@code null} while it works or is stopped. */
    @Nullable ListenerFailure getFailure();
}
