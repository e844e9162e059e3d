package dev.zmq.spring.metrics;

import dev.zmq.SocketListener;
import dev.zmq.SocketOption;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import dev.zmq.monitor.HandshakeFailure;
import dev.zmq.monitor.SocketStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters for every socket of a context, tagged {@code socket} (its name) and {@code type}: queue depth
 * (sum and fullest peer) and HWM per {@code direction}, queue utilization (fullest pipe / HWM, the number to alert
 * on), messages and bytes, drops by {@code reason} (hwm, no-route, max-size), peers, swapped bytes, reconnects and
 * handshake failures by {@code reason}. Sockets opened later get meters when they open; closed ones lose them.
 *
 * <p>Reading is cheap and never touches the hot path: meters read counters the sockets keep anyway, through one
 * statistics snapshot per socket per scrape. Thread-safe.
 */
public final class ZmqMetricsBinder implements MeterBinder, SocketListener, AutoCloseable {

    private final ZmqContext context;
    /** Meters by socket, with the snapshot they read: held here because Micrometer holds gauge state weakly. */
    private final Map<ZmqSocket, Registered> meters = new ConcurrentHashMap<>();
    private volatile @Nullable MeterRegistry registry;

    /** A binder for {@code context}'s sockets. */
    public ZmqMetricsBinder(ZmqContext context) {
        this.context = context;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        context.addSocketListener(this);
        context.sockets().forEach(this::socketOpened);
    }

    @Override
    public void socketOpened(ZmqSocket socket) {
        MeterRegistry r = registry;
        if (r != null) {
            meters.computeIfAbsent(socket, s -> register(r, s));
        }
    }

    @Override
    public void socketClosed(ZmqSocket socket) {
        Registered gone = meters.remove(socket);
        MeterRegistry r = registry;
        if (gone != null && r != null) {
            gone.meters().forEach(r::remove);
        }
    }

    /** Stops following the context and removes every meter. */
    @Override
    public void close() {
        context.removeSocketListener(this);
        new ArrayList<>(meters.keySet()).forEach(this::socketClosed);
    }

    private record Registered(List<Meter> meters, Snapshot stats) {
    }

    private static Registered register(MeterRegistry r, ZmqSocket socket) {
        Snapshot stats = new Snapshot(socket);
        Tags tags = Tags.of("socket", socket.name(), "type", socket.type().name());
        List<Meter> m = new ArrayList<>();
        for (boolean in : new boolean[] {true, false}) {
            Tags d = tags.and("direction", in ? "in" : "out");
            SocketOption<Integer> hwmOption = in ? SocketOption.RCVHWM : SocketOption.SNDHWM;
            ToDoubleFunction<Snapshot> depth = s -> in ? s.get().queuedIn() : s.get().queuedOut();
            ToDoubleFunction<Snapshot> fullest = s -> in ? s.get().maxQueuedIn() : s.get().maxQueuedOut();
            m.add(gauge(r, "zmq.socket.queue.depth", "Messages queued now, summed over peers", d, stats, depth));
            m.add(gauge(r, "zmq.socket.queue.depth.max", "Messages queued now in the fullest peer pipe", d, stats,
                    fullest));
            m.add(gauge(r, "zmq.socket.hwm", "Configured high-water mark per peer pipe (0 = none)", d, stats,
                    s -> socket.get(hwmOption)));
            m.add(gauge(r, "zmq.socket.queue.utilization", "Fullest peer pipe divided by its HWM, 0..1", d, stats,
                    s -> {
                        int hwm = socket.get(hwmOption);
                        return hwm == 0 ? 0 : Math.min(1.0, fullest.applyAsDouble(s) / hwm);
                    }));
            m.add(counter(r, "zmq.socket.messages", "Messages sent or received", d, stats,
                    s -> in ? s.get().messagesIn() : s.get().messagesOut()));
            m.add(FunctionCounter.builder("zmq.socket.bytes", stats, s -> in ? s.get().bytesIn() : s.get().bytesOut())
                    .description("Message body bytes sent or received").baseUnit("bytes").tags(d).register(r));
        }
        m.add(counter(r, "zmq.socket.dropped", "Messages dropped", tags.and("reason", "hwm"), stats,
                s -> s.get().droppedAtHwm()));
        m.add(counter(r, "zmq.socket.dropped", "Messages dropped", tags.and("reason", "no-route"), stats,
                s -> s.get().droppedNoRoute()));
        m.add(counter(r, "zmq.socket.dropped", "Messages dropped", tags.and("reason", "max-size"), stats,
                s -> s.get().events().droppedMaxSize()));
        m.add(gauge(r, "zmq.socket.peers", "Peers now", tags, stats, s -> s.get().peers().size()));
        m.add(Gauge.builder("zmq.socket.swap.bytes", stats, s -> s.get().swappedBytes())
                .description("Outgoing bytes waiting on disk (SWAP)").baseUnit("bytes").tags(tags).register(r));
        m.add(counter(r, "zmq.socket.reconnects", "Reconnect attempts", tags, stats,
                s -> s.get().events().reconnects()));
        for (HandshakeFailure kind : HandshakeFailure.values()) {
            m.add(counter(r, "zmq.socket.handshake.failures", "Failed handshakes", tags.and("reason", kind.tag()),
                    stats, s -> s.get().events().handshakeFailures(kind)));
        }
        return new Registered(m, stats);
    }

    private static Meter gauge(MeterRegistry r, String name, String description, Tags tags, Snapshot stats,
                               ToDoubleFunction<Snapshot> value) {
        return Gauge.builder(name, stats, value).description(description).tags(tags).register(r);
    }

    private static Meter counter(MeterRegistry r, String name, String description, Tags tags, Snapshot stats,
                                 ToDoubleFunction<Snapshot> value) {
        return FunctionCounter.builder(name, stats, value).description(description).tags(tags).register(r);
    }

    /** One statistics snapshot per socket, reused by every meter read within 100 ms (one scrape). */
    private static final class Snapshot {
        private final ZmqSocket socket;
        private volatile @Nullable SocketStatistics last;
        private volatile long takenAt;

        Snapshot(ZmqSocket socket) {
            this.socket = socket;
        }

        SocketStatistics get() {
            long now = System.nanoTime();
            SocketStatistics s = last;
            if (s == null || now - takenAt > 100_000_000L) {
                s = socket.statistics();
                last = s;
                takenAt = now;
            }
            return s;
        }
    }
}
