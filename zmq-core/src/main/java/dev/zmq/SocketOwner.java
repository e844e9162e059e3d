package dev.zmq;

import dev.zmq.io.ConnectionConfig;
import dev.zmq.io.IoThread;
import dev.zmq.io.SessionOwner;
import dev.zmq.monitor.EventCounters;
import dev.zmq.monitor.EventSink;
import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import dev.zmq.monitor.SocketMonitor;
import dev.zmq.monitor.TrafficCounters;
import dev.zmq.pattern.SocketPattern;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Pipe;
import dev.zmq.pipe.Signaler;
import dev.zmq.transport.TransportHost;

import java.nio.channels.spi.SelectorProvider;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ZmqSocket} as its transports and connections see it: the configuration new connections start from, new
 * peers wired to wake the socket, attach/detach requests queued for the socket's thread, traffic totals and events.
 *
 * <p>Thread-safe: I/O threads call it. The configuration is a snapshot the socket's own thread takes whenever an
 * option changes ({@link #optionsChanged}), so an I/O thread never reads options while they are being written; the
 * mailbox is drained by the socket's thread alone ({@link #processMailbox()}).
 */
final class SocketOwner implements SessionOwner, EventSink, TransportHost {

    private final ZmqContext context;
    private final SocketType type;
    private final String name;
    private final Signaler signaler;
    private final SocketPattern pattern;
    private final Queue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
    private final Set<Peer> peers = ConcurrentHashMap.newKeySet();
    private final TrafficCounters traffic = new TrafficCounters();
    private final EventCounters counters = new EventCounters();
    private final List<SocketMonitor> monitors = new CopyOnWriteArrayList<>();
    private volatile boolean mailboxDirty;
    private volatile ConnectionConfig config;

    SocketOwner(ZmqContext context, SocketType type, String name, SocketOptions options, Signaler signaler,
                SocketPattern pattern) {
        this.context = context;
        this.type = type;
        this.name = name;
        this.signaler = signaler;
        this.pattern = pattern;
        optionsChanged(options);
    }

    /** On the socket's thread, after an option changed: new connections start from this snapshot. */
    void optionsChanged(SocketOptions options) {
        config = new ConnectionConfig(type, options.snapshot(), name, context.zap());
    }

    @Override
    public ConnectionConfig connectionConfig() {
        return config;
    }

    @Override
    public Peer newPeer(String endpoint, SocketOptions snapshot) {
        if (snapshot.get(SocketOption.CONFLATE)) {
            return newPeer(endpoint, Pipe.conflating(), Pipe.conflating());
        }
        Pipe out = snapshot.get(SocketOption.SWAP) > 0
                ? Pipe.swapping(snapshot.get(SocketOption.SNDHWM), snapshot.get(SocketOption.SWAP),
                        swapDirectory(snapshot.get(SocketOption.SWAP_DIRECTORY)))
                : Pipe.bounded(snapshot.get(SocketOption.SNDHWM));
        return newPeer(endpoint, out, Pipe.bounded(snapshot.get(SocketOption.RCVHWM)));
    }

    private static Path swapDirectory(String configured) {
        return Path.of(configured.isEmpty() ? System.getProperty("java.io.tmpdir") : configured);
    }

    @Override
    public Peer newPeer(String endpoint, Pipe out, Pipe in) {
        Peer p = new Peer(endpoint, out, in);
        p.in().onReadable(signaler::wake);
        p.out().onWritable(signaler::wake);
        return p;
    }

    @Override
    public void attach(Peer peer) {
        peers.add(peer);
        post(() -> pattern.attach(peer));
    }

    @Override
    public void reattach(Peer peer) {
        post(() -> {
            pattern.detach(peer);
            pattern.attach(peer);
        });
    }

    @Override
    public void detach(Peer peer) {
        if (peers.remove(peer) && peer.pipesCountTraffic()) {
            // an inproc peer's totals live in its pipes; keep them in the socket's totals once it is gone
            traffic.sent(peer.messagesOut(), peer.bytesOut());
            traffic.received(peer.messagesIn(), peer.bytesIn());
        }
        post(() -> pattern.detach(peer));
    }

    @Override
    public TrafficCounters traffic() {
        return traffic;
    }

    @Override
    public List<ZmqMessage> preamble(Peer peer, boolean replay) {
        return pattern.preamble(peer, replay);
    }

    @Override
    public EventSink events() {
        return this;
    }

    @Override
    public void ioFinished() {
        context.ioFinished();
    }

    @Override
    public SessionOwner socket() {
        return this;
    }

    @Override
    public IoThread ioThread(SelectorProvider provider) {
        return context.nextIoThread(provider);
    }

    @Override
    public void ioStarted() {
        context.ioStarted();
    }

    @Override
    public void emit(SocketEventType t, String endpoint, @Nullable String peer, String detail) {
        counters.count(t, detail == null ? "" : detail);
        if (monitors.isEmpty()) {
            return;
        }
        SocketEvent e = new SocketEvent(t, name, endpoint, peer, detail == null ? "" : detail, Instant.now());
        for (SocketMonitor m : monitors) {
            try {
                m.onEvent(e);
            } catch (RuntimeException ignored) {
                // a monitor must not break the I/O thread
            }
        }
    }

    /** The peers attached now (connected or reconnecting), for statistics. */
    Set<Peer> peers() {
        return peers;
    }

    /** Event counts by type and reason, for statistics. */
    EventCounters counters() {
        return counters;
    }

    List<SocketMonitor> monitors() {
        return monitors;
    }

    /** On the socket's thread (holding its lock when thread-safe): applies the attach/detach requests queued. */
    void processMailbox() {
        if (mailboxDirty) {
            mailboxDirty = false;
            Runnable r;
            while ((r = mailbox.poll()) != null) {
                r.run();
            }
        }
    }

    private void post(Runnable r) {
        mailbox.offer(r);
        mailboxDirty = true;
        signaler.wake();
    }
}
