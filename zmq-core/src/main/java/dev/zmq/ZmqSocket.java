package dev.zmq;

import dev.zmq.io.EndpointHandle;
import dev.zmq.io.IoThread;
import dev.zmq.monitor.PeerStatistics;
import dev.zmq.monitor.SocketEventType;
import dev.zmq.monitor.SocketMonitor;
import dev.zmq.monitor.SocketStatistics;
import dev.zmq.pattern.DropCounter;
import dev.zmq.pattern.SocketPattern;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Received;
import dev.zmq.pipe.Signaler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A ZeroMQ socket: sends and receives whole multipart messages to and from any number of peers over any number of
 * bound and connected endpoints, routed by its {@link SocketType}'s rule. Connections, reconnects and I/O happen in
 * the context's I/O threads.
 *
 * <p>Thread-safety: a socket is used by one thread at a time (hand it over with a happens-before edge), except a
 * socket of a {@linkplain SocketType#isThreadSafe() thread-safe type} (CLIENT, SERVER, RADIO, DISH, SCATTER,
 * GATHER, PEER, CHANNEL), which any number of threads may use at once, blocked ones included.
 * {@link #close()} and monitor registration may be called from any thread; {@code close()} wakes the threads blocked
 * in {@code send} or {@code recv}, which then throw {@link ZmqException} with {@link ErrorCode#ETERM}.
 *
 * <p>Errors: {@link ZmqException} with EINVAL (bad endpoint or option), EPROTONOSUPPORT (unknown transport),
 * EADDRINUSE (bind), ENOENT (unbind/disconnect of an unknown endpoint), ENOTSUP (operation the type lacks),
 * EHOSTUNREACH (ROUTER_MANDATORY or SERVER/PEER: no peer with that routing id), EAGAIN (timeout), ETERM (closed),
 * EINTR (interrupted).
 */
public final class ZmqSocket implements AutoCloseable {

    /** Flag: do not block; {@code send} returns {@code false} and {@code recv} returns {@code null} instead. */
    public static final int DONTWAIT = 1;

    private final ZmqContext context;
    private final SocketType type;
    private final String name;
    private final SocketOptions options = new SocketOptions();
    private final Signaler signaler;
    /**
     * The one lock: guards the endpoints (bound, connected, last) for every type, since {@link #close()} may come
     * from any thread; for thread-safe types it also serialises sends, receives and the routing rule.
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final boolean threadSafe;
    private final DropCounter drops = new DropCounter();
    private final SocketPattern pattern;
    private final SocketOwner owner;
    /** What the socket bound and connected, guarded by {@link #lock}. */
    private final SocketEndpoints endpoints;
    /** A message {@link #pollIn()} took ahead of the next receive; {@code null} when none. */
    private @Nullable ZmqMessage prefetched;
    /** What {@link #tryRecvBytes()} takes into; used holding the lock (thread-safe types) or by the one thread. */
    private final Received received = new Received();
    /** The two ways to receive, made once so a receive allocates nothing for them. */
    private final Supplier<@Nullable ZmqMessage> nextMessage = this::tryRecv;
    private final Supplier<byte @Nullable []> nextBytes = this::tryRecvBytes;
    /** SNDTIMEO and RCVTIMEO as set, kept at hand for every send and receive. */
    private Duration sendTimeout = options.get(SocketOption.SNDTIMEO);
    private Duration receiveTimeout = options.get(SocketOption.RCVTIMEO);
    private volatile boolean closed;

    ZmqSocket(ZmqContext context, SocketType type, String name) {
        this.context = context;
        this.type = type;
        this.name = name;
        this.threadSafe = type.isThreadSafe();
        this.signaler = threadSafe ? Signaler.shared() : new Signaler();
        this.pattern = SocketPattern.create(type, options, signaler, drops);
        this.owner = new SocketOwner(context, type, name, options, signaler, pattern);
        this.endpoints = new SocketEndpoints(name, context.transports(), owner);
    }

    /** The socket's type. */
    public SocketType type() {
        return type;
    }

    /** The socket's name, e.g. {@code PUB#3} or the name given at creation, used in events, errors and metrics. */
    public String name() {
        return name;
    }

    // ---------------------------------------------------------------- options

    /** Sets an option; affects connections made afterwards. Throws EINVAL for a bad value, ETERM when closed. */
    public <T> ZmqSocket set(SocketOption<T> option, T value) {
        checkOpen();
        options.set(option, value);
        sendTimeout = options.get(SocketOption.SNDTIMEO);
        receiveTimeout = options.get(SocketOption.RCVTIMEO);
        owner.optionsChanged(options);
        return this;
    }

    /** The option's current value. */
    public <T> T get(SocketOption<T> option) {
        return options.get(option);
    }

    // ---------------------------------------------------------------- endpoints

    /**
     * Binds to {@code endpoint}, e.g. {@code tcp://*:5555}, {@code tcp://127.0.0.1:*} (ephemeral port, see
     * {@link #lastEndpoint()}), {@code ipc:///path}, {@code ipc://@name}, {@code inproc://name} (sockets of this
     * context only) or, for a DISH, {@code udp://host:port} / {@code udp://iface;group:port}.
     */
    public void bind(String endpoint) {
        locked(() -> doBind(endpoint));
    }

    private void doBind(String endpoint) {
        checkOpen();
        endpoints.bind(endpoint);
    }

    /**
     * Connects to {@code endpoint}; the connection is made (and remade) in the background. An {@code inproc://}
     * endpoint need not be bound yet: messages queue until it is.
     */
    public void connect(String endpoint) {
        guarded(() -> doConnect(endpoint));
    }

    /**
     * Connects a PEER socket to {@code endpoint}, as {@link #connect(String)}, and returns the routing id of the peer
     * there, for {@link ZmqMessage#withRoutingId(int)}: messages to it queue until the connection is made.
     *
     * @throws ZmqException ENOTSUP unless this is a PEER socket
     */
    public int connectPeer(String endpoint) {
        if (type != SocketType.PEER) {
            throw new ZmqException(ErrorCode.ENOTSUP, name + ": only PEER sockets connect to a peer by routing id");
        }
        return guarded(() -> {
            Peer peer = doConnect(endpoint);
            processMailbox();
            return pattern.routingIdOf(peer);
        });
    }

    private @Nullable Peer doConnect(String endpoint) {
        checkOpen();
        return endpoints.connect(endpoint).peer();
    }

    /**
     * Stops listening on a bound endpoint (as returned by {@link #lastEndpoint()}) and drops its connections after
     * their linger. Returns once the address is released and may be bound again. Do not call from a monitor callback.
     */
    public void unbind(String endpoint) {
        locked(() -> doUnbind(endpoint));
    }

    private void doUnbind(String endpoint) {
        checkOpen();
        awaitReleased(endpoints.unbind(endpoint).close(lingerNanos()), endpoint);
    }

    private void awaitReleased(CompletableFuture<Void> released, String endpoint) {
        try {
            released.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ZmqException(ErrorCode.EFSM, name + ": releasing " + endpoint + " did not complete", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZmqException(ErrorCode.EINTR, name + ": interrupted while unbinding " + endpoint, e);
        }
    }

    /**
     * Closes the connections made by {@link #connect(String)} to {@code endpoint}: nothing more is routed to them
     * from now on; what is already queued is still delivered within LINGER.
     */
    public void disconnect(String endpoint) {
        locked(() -> doDisconnect(endpoint));
    }

    private void doDisconnect(String endpoint) {
        checkOpen();
        List<EndpointHandle> handles = endpoints.disconnect(endpoint);
        processMailbox();
        for (EndpointHandle h : handles) {
            Peer peer = h.peer();
            if (peer != null) {
                pattern.detach(peer);
            }
            h.close(lingerNanos());
        }
    }

    /** The endpoints bound now (resolved, e.g. with the ephemeral port). Safe from any thread. */
    public List<String> boundEndpoints() {
        return endpoints.bound();
    }

    /** The endpoints connected to now (each may be up or reconnecting). Safe from any thread. */
    public List<String> connectedEndpoints() {
        return endpoints.connected();
    }

    /** The endpoint last bound (resolved, e.g. with the ephemeral port) or connected, or {@code null}. */
    public @Nullable String lastEndpoint() {
        return endpoints.last();
    }

    // ---------------------------------------------------------------- sending

    /** Sends {@code message}, waiting up to SNDTIMEO; throws EAGAIN when that passes. */
    public void send(ZmqMessage message) {
        if (!send(message, 0)) {
            throw new ZmqException(ErrorCode.EAGAIN, name + ": send timed out after "
                    + options.get(SocketOption.SNDTIMEO).toMillis() + " ms (no peer with room below SNDHWM)");
        }
    }

    /** Sends one frame holding the UTF-8 bytes of {@code text}, as {@link #send(ZmqMessage)}. */
    public void send(String text) {
        send(ZmqMessage.of(text));
    }

    /** Sends one frame wrapping {@code data} (not copied), as {@link #send(ZmqMessage)}. */
    public void send(byte[] data) {
        send(ZmqMessage.of(data));
    }

    /**
     * Sends {@code message}; with {@link #DONTWAIT} returns {@code false} at once instead of waiting (EAGAIN).
     * Without it, waits up to SNDTIMEO and returns {@code false} if that passes.
     */
    public boolean send(ZmqMessage message, int flags) {
        return send(message, (flags & DONTWAIT) != 0 ? 0 : deadlineFor(sendTimeout));
    }

    /** Sends {@code message}, waiting at most {@code timeout}; {@code false} when it passed. */
    public boolean send(ZmqMessage message, Duration timeout) {
        return send(message, deadlineFor(timeout));
    }

    private boolean send(ZmqMessage message, long deadline) {
        checkOpen();
        if (trySend(message)) {
            return true;
        }
        while (deadline != 0) {
            signaler.prepare();
            if (trySend(message)) {
                signaler.cancel();
                return true;
            }
            if (!park(deadline)) {
                return false;
            }
        }
        return false;
    }

    private boolean trySend(ZmqMessage message) {
        enter();
        try {
            processMailbox();
            return pattern.send(message);
        } finally {
            exit();
        }
    }

    // ---------------------------------------------------------------- receiving

    /** Receives the next message, waiting up to RCVTIMEO; throws EAGAIN when that passes. */
    public ZmqMessage recv() {
        ZmqMessage m = recv(0);
        if (m == null) {
            throw new ZmqException(ErrorCode.EAGAIN, name + ": receive timed out after "
                    + options.get(SocketOption.RCVTIMEO).toMillis() + " ms");
        }
        return m;
    }

    /**
     * Receives the next message; with {@link #DONTWAIT} returns {@code null} at once when none is ready (EAGAIN).
     * Without it, waits up to RCVTIMEO and returns {@code null} if that passes.
     */
    public @Nullable ZmqMessage recv(int flags) {
        return recv((flags & DONTWAIT) != 0 ? 0 : deadlineFor(receiveTimeout));
    }

    /** Receives the next message, waiting at most {@code timeout}; {@code null} when it passed. */
    public @Nullable ZmqMessage recv(Duration timeout) {
        return recv(deadlineFor(timeout));
    }

    private @Nullable ZmqMessage recv(long deadline) {
        return receive(deadline, nextMessage);
    }

    /**
     * Receives the next message's bytes, waiting up to RCVTIMEO (EAGAIN when that passes): for the common
     * single-frame message, without a {@link ZmqMessage} around them, so receiving allocates the body alone.
     *
     * @throws ZmqException EINVAL when the next message has more than one frame; it stays queued for
     *     {@link #recv()}. ETERM when closed
     */
    public byte[] recvBytes() {
        byte[] b = recvBytes(deadlineFor(receiveTimeout));
        if (b == null) {
            throw new ZmqException(ErrorCode.EAGAIN, name + ": receive timed out after "
                    + options.get(SocketOption.RCVTIMEO).toMillis() + " ms");
        }
        return b;
    }

    /**
     * As {@link #recvBytes()}; with {@link #DONTWAIT} returns {@code null} at once when none is ready, without it
     * waits up to RCVTIMEO and returns {@code null} if that passes.
     */
    public byte @Nullable [] recvBytes(int flags) {
        return recvBytes((flags & DONTWAIT) != 0 ? 0 : deadlineFor(receiveTimeout));
    }

    private byte @Nullable [] recvBytes(long deadline) {
        return receive(deadline, nextBytes);
    }

    /** What {@code attempt} takes, waiting until the deadline; {@code null} when it passed. */
    private <T> @Nullable T receive(long deadline, Supplier<@Nullable T> attempt) {
        checkOpen();
        T m = attempt.get();
        while (m == null && deadline != 0) {
            signaler.prepare();
            m = attempt.get();
            if (m != null) {
                signaler.cancel();
            } else if (!park(deadline)) {
                return null;
            }
        }
        return m;
    }

    /** The next message, or {@code null}. */
    private @Nullable ZmqMessage tryRecv() {
        enter();
        try {
            processMailbox();
            if (prefetched != null) {
                ZmqMessage m = prefetched;
                prefetched = null;
                return m;
            }
            return pattern.recv();
        } finally {
            exit();
        }
    }

    /**
     * The next message's bytes, or {@code null}: a bare message's without making a message object.
     *
     * @throws ZmqException EINVAL when the next message has more than one frame; it stays queued for {@link #recv()}
     */
    private byte @Nullable [] tryRecvBytes() {
        enter();
        try {
            processMailbox();
            ZmqMessage m = prefetched;
            prefetched = null;
            if (m == null) {
                if (!pattern.recvInto(received)) {
                    return null;
                }
                byte[] body = received.bareBody();
                if (body != null) {
                    received.clear();
                    return body;
                }
                m = Objects.requireNonNull(received.take(), "not bare, so a whole message");
            }
            if (m.size() == 1) {
                return m.data(0);
            }
            throw keptForRecv(m);
        } finally {
            exit();
        }
    }

    /** Keeps a multipart message for {@link #recv()} and says why {@code recvBytes} did not take it (cold path). */
    private ZmqException keptForRecv(ZmqMessage m) {
        prefetched = m;
        return new ZmqException(ErrorCode.EINVAL, name + ": the next message has " + m.size()
                + " frames; it stays queued for recv()");
    }

    /** Subscribes a SUB or XSUB socket to messages whose first frame starts with {@code topic}. */
    public void subscribe(byte[] topic) {
        byte[] copy = topic.clone();
        changeRule(rule -> rule.subscribe(copy, true));
    }

    /** Subscribes to the UTF-8 bytes of {@code topic}; the empty string subscribes to everything. */
    public void subscribe(String topic) {
        subscribe(topic.getBytes(StandardCharsets.UTF_8));
    }

    /** Cancels one earlier subscription to {@code topic}. */
    public void unsubscribe(byte[] topic) {
        byte[] copy = topic.clone();
        changeRule(rule -> rule.subscribe(copy, false));
    }

    /** Cancels one earlier subscription to the UTF-8 bytes of {@code topic}. */
    public void unsubscribe(String topic) {
        unsubscribe(topic.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Joins a DISH socket to {@code group}: it receives what RADIO sockets send to exactly this group.
     *
     * @throws ZmqException ENOTSUP unless this is a DISH socket; EINVAL when already joined or longer than 255 bytes
     */
    public void join(String group) {
        changeRule(rule -> rule.join(group, true));
    }

    /**
     * Leaves a group joined with {@link #join(String)}.
     *
     * @throws ZmqException ENOTSUP unless this is a DISH socket; EINVAL when the group was not joined
     */
    public void leave(String group) {
        changeRule(rule -> rule.join(group, false));
    }



    // ---------------------------------------------------------------- monitoring

    /** Adds a listener for this socket's events (see {@link SocketMonitor} for the threading rules). */
    public void addMonitor(SocketMonitor monitor) {
        owner.monitors().add(monitor);
    }

    /** Removes a listener added with {@link #addMonitor}. */
    public void removeMonitor(SocketMonitor monitor) {
        owner.monitors().remove(monitor);
    }

    /** Messages this socket dropped because a peer's pipe was at SNDHWM (PUB, XPUB). Safe from any thread. */
    public long droppedMessages() {
        return drops.atHwm();
    }

    /**
     * The socket's numbers now: per peer (queue depth and HWM each way, traffic) and totals. Safe from any thread
     * and cheap (no locks, no I/O-thread round trip), so metrics may poll it every second.
     */
    public SocketStatistics statistics() {
        List<PeerStatistics> perPeer = new ArrayList<>();
        long[] t = {owner.traffic().messagesOut(), owner.traffic().bytesOut(), owner.traffic().messagesIn(),
            owner.traffic().bytesIn()};
        for (Peer p : owner.peers()) {
            perPeer.add(p.statistics());
            if (p.pipesCountTraffic()) {
                t[0] += p.messagesOut();
                t[1] += p.bytesOut();
                t[2] += p.messagesIn();
                t[3] += p.bytesIn();
            }
        }
        return new SocketStatistics(name, type.name(), perPeer, t[0], t[1], t[2], t[3], drops.atHwm(),
                drops.noRoute(), owner.counters());
    }

    // ---------------------------------------------------------------- closing

    /**
     * Closes the socket: no more sends or receives; queued outgoing messages are still delivered in the background
     * for up to LINGER. {@link ZmqContext#close()} waits for that. Returns once bound addresses are released, so
     * they may be bound again at once. Idempotent; safe from any thread.
     */
    @Override
    public void close() {
        List<EndpointHandle> handles;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            handles = endpoints.removeAll();
        } finally {
            lock.unlock();
        }
        long linger = lingerNanos();
        List<CompletableFuture<Void>> released = new ArrayList<>();
        handles.forEach(h -> released.add(h.close(linger)));
        endpoints.socketClosed();
        signaler.wake();
        context.socketClosed(this);
        owner.emit(SocketEventType.MONITOR_STOPPED, "", null, "socket closed");
        if (!IoThread.isIoThread()) {
            try {
                CompletableFuture.allOf(released.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new ZmqException(ErrorCode.EFSM, name + ": releasing its bound endpoints did not complete", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether {@link #close()} was called (or the context closed). */
    public boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- internals

    private void checkOpen() {
        if (closed) {
            throw new ZmqException(ErrorCode.ETERM, name + " is closed");
        }
    }

    private long lingerNanos() {
        Duration d = options.get(SocketOption.LINGER);
        return d.isNegative() ? -1 : d.toNanos();
    }

    private static long deadlineFor(Duration timeout) {
        if (timeout.isNegative()) {
            return Long.MAX_VALUE;
        }
        if (timeout.isZero()) {
            return 0;
        }
        long d = System.nanoTime() + timeout.toNanos();
        return d == 0 || d == Long.MAX_VALUE ? d - 1 : d;
    }

    /** Parks until woken or the deadline; {@code false} when the deadline passed. Throws ETERM / EINTR. */
    private boolean park(long deadline) {
        signaler.await(deadline);
        if (closed) {
            throw new ZmqException(ErrorCode.ETERM, context.isClosed()
                    ? "context terminated while " + name + " was blocked" : name + " was closed while blocked");
        }
        if (Thread.interrupted()) {
            throw new ZmqException(ErrorCode.EINTR, name + ": interrupted while blocked");
        }
        return deadline == Long.MAX_VALUE || System.nanoTime() - deadline < 0;
    }

    /** For {@link Poller}: whether a receive would return a message now (it is fetched and kept for it). */
    boolean pollIn() {
        checkOpen();
        enter();
        try {
            processMailbox();
            if (prefetched == null) {
                prefetched = pattern.recv();
            }
            return prefetched != null;
        } catch (ZmqException notNow) {
            return false;
        } finally {
            exit();
        }
    }

    /** For {@link Poller}: whether a send would be taken now. */
    boolean pollOut() {
        checkOpen();
        enter();
        try {
            processMailbox();
            return pattern.canSend();
        } finally {
            exit();
        }
    }

    private void enter() {
        if (threadSafe) {
            lock.lock();
        }
    }

    private void exit() {
        if (threadSafe) {
            lock.unlock();
        }
    }

    /** As {@link #guarded(Supplier)} for an operation without a result. */
    private void locked(Runnable operation) {
        guarded(() -> {
            operation.run();
            return null;
        });
    }

    /** Changes the routing rule's state (subscriptions, groups) once peers that joined meanwhile are attached. */
    private void changeRule(Consumer<SocketPattern> change) {
        locked(() -> {
            checkOpen();
            processMailbox();
            change.accept(pattern);
        });
    }

    /**
     * Runs {@code operation} holding the socket's lock, whatever the type: it touches the endpoints (which
     * {@link #close()} from another thread clears) or state a thread-safe type shares.
     */
    private <T> T guarded(Supplier<T> operation) {
        lock.lock();
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    Signaler signaler() {
        return signaler;
    }

    private void processMailbox() {
        owner.processMailbox();
    }

    @Override
    public String toString() {
        return name;
    }
}
