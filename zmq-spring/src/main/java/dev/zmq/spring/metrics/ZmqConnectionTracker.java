package dev.zmq.spring.metrics;

import dev.zmq.SocketListener;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import dev.zmq.monitor.SocketEvent;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows every socket's events to know, per connected endpoint, whether a connection is up now, since when it is
 * down and why; and which bind failed last. Health checks and the actuator endpoint read it. Thread-safe.
 */
public final class ZmqConnectionTracker implements SocketListener, AutoCloseable {

    /**
     * One endpoint's state.
     *
     * @param endpoint  the endpoint
     * @param up        whether a connection through it is up
     * @param lastError the reason it went down (empty while up)
     * @param since     when it last went up or down
     */
    public record EndpointState(String endpoint, boolean up, String lastError, Instant since) {
    }

    private record Tracked(Instant opened, Map<String, EndpointState> endpoints) {
    }

    private final ZmqContext context;
    private final Clock clock;
    private final Map<ZmqSocket, Tracked> sockets = new ConcurrentHashMap<>();
    private final Map<String, String> bindFailures = new ConcurrentHashMap<>();

    /** A tracker of {@code context}'s sockets, from now on (sockets open already count as opened now). */
    public ZmqConnectionTracker(ZmqContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
        context.addSocketListener(this);
        context.sockets().forEach(this::socketOpened);
    }

    @Override
    public void socketOpened(ZmqSocket socket) {
        sockets.computeIfAbsent(socket, s -> {
            s.addMonitor(e -> onEvent(s, e));
            return new Tracked(clock.instant(), new ConcurrentHashMap<>());
        });
    }

    @Override
    public void socketClosed(ZmqSocket socket) {
        sockets.remove(socket);
    }

    /** The state of {@code socket}'s connection to {@code endpoint}; never-connected ones are down since opening. */
    public EndpointState state(ZmqSocket socket, String endpoint) {
        Tracked t = sockets.get(socket);
        if (t == null) {
            return new EndpointState(endpoint, false, "socket closed", clock.instant());
        }
        EndpointState s = t.endpoints().get(endpoint);
        return s != null ? s : new EndpointState(endpoint, false, "not connected yet", t.opened());
    }

    /** Failed binds by socket name (cleared when that socket name binds successfully). */
    public Map<String, String> bindFailures() {
        return Map.copyOf(bindFailures);
    }

    private void onEvent(ZmqSocket socket, SocketEvent e) {
        Tracked t = sockets.get(socket);
        switch (e.type()) {
            case LISTENING -> bindFailures.remove(socket.name());
            case BIND_FAILED -> bindFailures.put(socket.name(), e.endpoint() + ": " + e.detail());
            case HANDSHAKE_SUCCEEDED -> mark(t, e.endpoint(), true, "");
            case CONNECTED -> {
                if (e.endpoint().startsWith("inproc://")) {
                    mark(t, e.endpoint(), true, "");
                }
            }
            case DISCONNECTED, HANDSHAKE_FAILED, CONNECT_RETRIED -> mark(t, e.endpoint(), false, e.detail());
            default -> {
            }
        }
    }

    private void mark(@Nullable Tracked t, String endpoint, boolean up, String error) {
        if (t == null) {
            return;
        }
        t.endpoints().compute(endpoint, (k, old) -> {
            Instant since = old != null && old.up() == up ? old.since() : clock.instant();
            return new EndpointState(endpoint, up, error, since);
        });
    }

    @Override
    public void close() {
        context.removeSocketListener(this);
    }
}
