package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.SocketOption;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import dev.zmq.monitor.HandshakeFailure;
import dev.zmq.monitor.PeerStatistics;
import dev.zmq.monitor.SocketStatistics;
import dev.zmq.spring.metrics.ZmqConnectionTracker;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Actuator endpoint {@code zmq}: every socket with its type, endpoints (and whether each connection is up), HWMs,
 * queue depths, traffic, drops and peers; {@code /actuator/zmq/{socket}} for one (404 when unknown). Thread-safe.
 */
@Endpoint(id = "zmq")
public final class ZmqEndpoint {

    /** Sent/received or out/in pair. */
    public record InOut(long in, long out) {
    }

    /** One connected endpoint. */
    public record Connection(String endpoint, boolean up, String lastError, String since) {
    }

    /** One peer: where it is, how it authenticated, and its queues and traffic. */
    public record Peer(String endpoint, String address, String routingId, String mechanism, String userId,
                       InOut queued, InOut hwm, InOut messages, InOut bytes) {
    }

    /** One socket. */
    public record Socket(String name, String type, List<String> bound, List<Connection> connected, InOut hwm,
                         InOut queued, InOut messages, InOut bytes, Map<String, Long> dropped, long reconnects,
                         Map<String, Long> handshakeFailures, List<Peer> peers) {
    }

    /** Every socket. */
    public record Sockets(List<Socket> sockets) {
    }

    private final ZmqContext context;
    private final ZmqConnectionTracker tracker;

    /** The endpoint over {@code context}'s sockets. */
    public ZmqEndpoint(ZmqContext context, ZmqConnectionTracker tracker) {
        this.context = context;
        this.tracker = tracker;
    }

    /** Every socket. */
    @ReadOperation
    public Sockets sockets() {
        return new Sockets(context.sockets().stream().map(this::describe).toList());
    }

    /** One socket by name, or {@code null} (404). */
    @ReadOperation
    public @Nullable Socket socket(@Selector String socket) {
        return context.sockets().stream().filter(s -> s.name().equals(socket)).findFirst().map(this::describe)
                .orElse(null);
    }

    private Socket describe(ZmqSocket s) {
        SocketStatistics st = s.statistics();
        List<Connection> connected = s.connectedEndpoints().stream().map(e -> {
            ZmqConnectionTracker.EndpointState state = tracker.state(s, e);
            return new Connection(e, state.up(), state.lastError(), state.since().toString());
        }).toList();
        Map<String, Long> dropped = new LinkedHashMap<>();
        dropped.put("hwm", st.droppedAtHwm());
        dropped.put("no-route", st.droppedNoRoute());
        dropped.put("max-size", st.events().droppedMaxSize());
        Map<String, Long> failures = new LinkedHashMap<>();
        for (HandshakeFailure f : HandshakeFailure.values()) {
            failures.put(f.tag(), st.events().handshakeFailures(f));
        }
        return new Socket(s.name(), s.type().name(), s.boundEndpoints(), connected,
                new InOut(s.get(SocketOption.RCVHWM), s.get(SocketOption.SNDHWM)),
                new InOut(st.queuedIn(), st.queuedOut()), new InOut(st.messagesIn(), st.messagesOut()),
                new InOut(st.bytesIn(), st.bytesOut()), dropped, st.events().reconnects(), failures,
                st.peers().stream().map(ZmqEndpoint::peer).toList());
    }

    private static Peer peer(PeerStatistics p) {
        return new Peer(p.endpoint(), p.address(), p.routingId(), p.mechanism(), p.userId(),
                new InOut(p.queuedIn(), p.queuedOut()),
                new InOut(p.hwmIn(), p.hwmOut()), new InOut(p.messagesIn(), p.messagesOut()),
                new InOut(p.bytesIn(), p.bytesOut()));
    }
}
