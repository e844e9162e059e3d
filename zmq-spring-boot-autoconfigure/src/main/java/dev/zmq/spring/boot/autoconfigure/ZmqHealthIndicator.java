package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.listener.ListenerFailure;
import dev.zmq.spring.listener.MessageListenerContainer;
import dev.zmq.spring.metrics.ZmqConnectionTracker;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Health {@code zmq}: UP while every open socket is bound as declared and each endpoint it connects to has a live
 * connection; DOWN, with the endpoint and its last error, when a bind failed or a connection has been missing for
 * longer than the grace period ({@code zmq.health.connect-grace-period}), or when a listener's socket failed (it is
 * restarting, or gave up), naming the listener and the error. Details list every socket and every failed listener.
 * Thread-safe.
 */
public final class ZmqHealthIndicator implements HealthIndicator {

    private final ZmqContext context;
    private final ZmqConnectionTracker tracker;
    private final Duration grace;
    private final Clock clock;
    private final Supplier<Collection<MessageListenerContainer>> listeners;

    /** A health check over {@code context}'s sockets and the {@code listeners} containers. */
    public ZmqHealthIndicator(ZmqContext context, ZmqConnectionTracker tracker, Duration grace, Clock clock,
                              Supplier<Collection<MessageListenerContainer>> listeners) {
        this.context = context;
        this.tracker = tracker;
        this.grace = grace;
        this.clock = clock;
        this.listeners = listeners;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        boolean down = false;
        Map<String, Object> sockets = new LinkedHashMap<>();
        for (ZmqSocket s : context.sockets()) {
            Map<String, String> connections = new LinkedHashMap<>();
            for (String endpoint : s.connectedEndpoints()) {
                ZmqConnectionTracker.EndpointState st = tracker.state(s, endpoint);
                boolean missing = !st.up() && st.since().plus(grace).isBefore(now);
                down |= missing;
                connections.put(endpoint, st.up() ? "connected" : (missing ? "DOWN" : "connecting")
                        + (st.lastError().isEmpty() ? "" : ": " + st.lastError()) + " (since " + st.since() + ")");
            }
            sockets.put(s.name(), Map.of("type", s.type().name(), "bound", s.boundEndpoints(),
                    "connected", connections));
        }
        Map<String, String> bindFailures = tracker.bindFailures();
        Map<String, String> failedListeners = new LinkedHashMap<>();
        for (MessageListenerContainer c : listeners.get()) {
            ListenerFailure f = c.getFailure();
            if (f != null) {
                failedListeners.put(c.getId(), f.toString());
            }
        }
        Health.Builder b = down || !bindFailures.isEmpty() || !failedListeners.isEmpty() ? Health.down()
                : Health.up();
        b.withDetail("sockets", sockets);
        if (!failedListeners.isEmpty()) {
            b.withDetail("failedListeners", failedListeners);
        }
        if (!bindFailures.isEmpty()) {
            b.withDetail("bindFailures", bindFailures);
        }
        return b.build();
    }
}
