package dev.zmq;

import dev.zmq.io.IoThread;
import dev.zmq.security.Zap;
import dev.zmq.security.ZapReply;
import dev.zmq.security.ZapRequest;
import dev.zmq.transport.Transports;
import dev.zmq.transport.inproc.InprocRegistry;

import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The container for sockets and the background I/O threads that serve them. Create one per application, make
 * sockets with {@link #socket(SocketType)}, and {@link #close()} it at the end.
 *
 * <p>Thread-safe: sockets may be created from any thread. {@link #close()} closes every socket still open, waits
 * until each has delivered its queued messages or its LINGER has passed, then stops the I/O threads.
 */
public final class ZmqContext implements AutoCloseable {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    private final int id;
    private final IoThread[] ioThreads;
    private final Map<SelectorProvider, IoThread> foreignIoThreads = new HashMap<>();
    private final Set<ZmqSocket> sockets = ConcurrentHashMap.newKeySet();
    /** The library's own sockets (ZAP): closed with the context, never listed, counted or announced. */
    private final Set<ZmqSocket> internal = ConcurrentHashMap.newKeySet();
    /** Makes a socket's name unique and adds it to {@link #sockets} in one step. */
    private final Object naming = new Object();
    private final AtomicInteger socketIds = new AtomicInteger();
    private final AtomicInteger nextIo = new AtomicInteger();
    private final Object ioLock = new Object();
    private int liveIo;
    private final InprocRegistry inproc = new InprocRegistry();
    private final Transports transports = new Transports(inproc);
    private final List<SocketListener> listeners = new CopyOnWriteArrayList<>();
    /** Made when the first server that authenticates asks for it. */
    private @Nullable ZapRequester zapRequester;
    private volatile boolean closed;

    /** A context with one I/O thread (enough for most applications). */
    public ZmqContext() {
        this(1);
    }

    /** A context with {@code ioThreads} I/O threads; throws EINVAL unless at least 1. */
    public ZmqContext(int ioThreads) {
        if (ioThreads < 1) {
            throw new ZmqException(ErrorCode.EINVAL, "a context needs at least one I/O thread, got " + ioThreads);
        }
        this.id = CONTEXTS.incrementAndGet();
        this.ioThreads = new IoThread[ioThreads];
        for (int i = 0; i < ioThreads; i++) {
            this.ioThreads[i] = new IoThread("zmq-io-" + id + "-" + i);
        }
    }

    /** A new socket of {@code type}, named like {@code PUB#3}; throws ETERM when the context is closed. */
    public ZmqSocket socket(SocketType type) {
        return open(type, null);
    }

    /**
     * A new socket of {@code type} named {@code name} in events, errors, statistics and metrics (a name already in
     * use by an open socket gets {@code #n} appended, so names stay unique). Throws ETERM when the context is closed.
     */
    public ZmqSocket socket(SocketType type, String name) {
        return open(type, name);
    }

    private ZmqSocket open(SocketType type, @Nullable String name) {
        requireOpen();
        int id = socketIds.incrementAndGet();
        ZmqSocket s;
        synchronized (naming) {
            String unique = name == null ? type + "#" + id : name;
            if (name != null && sockets.stream().anyMatch(o -> o.name().equals(name))) {
                unique = name + "#" + id;
            }
            s = new ZmqSocket(this, type, unique);
            sockets.add(s);
        }
        for (SocketListener l : listeners) {
            notify(() -> l.socketOpened(s));
        }
        return s;
    }

    /**
     * A socket the library uses itself (the ZAP requester and handler): not in {@link #sockets()}, so not in
     * metrics, health or socket listeners; closed with the context.
     */
    ZmqSocket internalSocket(SocketType type, String name) {
        requireOpen();
        ZmqSocket s = new ZmqSocket(this, type, name + "#" + socketIds.incrementAndGet());
        internal.add(s);
        return s;
    }

    private void requireOpen() {
        if (closed) {
            throw new ZmqException(ErrorCode.ETERM, "the context is closed");
        }
    }

    /** Adds a listener for sockets opened and closed from now on (see {@link #sockets()} for those open now). */
    public void addSocketListener(SocketListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener added with {@link #addSocketListener}. */
    public void removeSocketListener(SocketListener listener) {
        listeners.remove(listener);
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // a listener must not break opening or closing a socket
        }
    }

    /** The sockets open now. */
    public List<ZmqSocket> sockets() {
        return new ArrayList<>(sockets);
    }

    /** Number of I/O threads. */
    public int ioThreads() {
        return ioThreads.length;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes every open socket, waits for lingering deliveries to finish (each bounded by its socket's LINGER), and
     * stops the I/O threads. Idempotent. If interrupted, stops waiting and keeps the interrupt flag.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (ZmqSocket s : sockets()) {
            s.close();
        }
        for (ZmqSocket s : new ArrayList<>(internal)) {
            s.close();
        }
        synchronized (ioLock) {
            while (liveIo > 0) {
                try {
                    ioLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        for (IoThread t : ioThreads) {
            t.close();
        }
        synchronized (foreignIoThreads) {
            foreignIoThreads.values().forEach(IoThread::close);
        }
    }

    /**
     * The I/O thread for the next endpoint whose channels come from {@code provider}: the context's own threads in
     * turn for the JDK's channels, one extra thread per other provider (ipc://@name), started on first use.
     */
    IoThread nextIoThread(SelectorProvider provider) {
        if (provider == SelectorProvider.provider()) {
            return ioThreads[Math.floorMod(nextIo.getAndIncrement(), ioThreads.length)];
        }
        synchronized (foreignIoThreads) {
            return foreignIoThreads.computeIfAbsent(provider, p -> new IoThread("zmq-io-" + id + "-"
                    + p.getClass().getSimpleName(), p));
        }
    }

    Transports transports() {
        return transports;
    }

    /** The link to this context's ZAP handler; its requesting socket opens when a handler is first bound. */
    Zap zap() {
        return zapLink;
    }

    private final Zap zapLink = new Zap() {
        @Override
        public boolean handlerBound() {
            return inproc.isBound(Zap.ENDPOINT);
        }

        @Override
        public void authenticate(ZapRequest request, Consumer<ZapReply> onReply) {
            requester().authenticate(request, onReply);
        }
    };

    private synchronized ZapRequester requester() {
        if (zapRequester == null) {
            zapRequester = new ZapRequester(this, zapLink::handlerBound);
        }
        return zapRequester;
    }

    void socketClosed(ZmqSocket socket) {
        if (internal.remove(socket)) {
            return;
        }
        sockets.remove(socket);
        for (SocketListener l : listeners) {
            notify(() -> l.socketClosed(socket));
        }
    }

    void ioStarted() {
        synchronized (ioLock) {
            liveIo++;
        }
    }

    void ioFinished() {
        synchronized (ioLock) {
            if (--liveIo == 0) {
                ioLock.notifyAll();
            }
        }
    }
}
