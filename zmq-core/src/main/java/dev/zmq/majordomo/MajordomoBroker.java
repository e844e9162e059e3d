package dev.zmq.majordomo;

import dev.zmq.ErrorCode;
import dev.zmq.Poller;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * An MDP/0.1 broker (RFC 7) with MMI (RFC 8): one ROUTER socket, bound to any number of endpoints, serves clients
 * ({@code MDPC01}) and workers ({@code MDPW01}). Requests queue per service and go to the worker that has waited
 * longest; heartbeats go to every worker that was sent nothing for an interval; a worker silent for interval ×
 * liveness is forgotten and its unfinished request queued again at the front. A request that waits longer than the
 * request expiry is dropped. {@code mmi.service} answers {@code 200} or {@code 404}; other {@code mmi.} services
 * answer {@code 501}, and a worker offering one is disconnected.
 *
 * <p>Bad input never stops the broker. A message that breaks RFC 7, or a valid command at the wrong time (a second
 * READY, a REPLY or HEARTBEAT from an unknown worker), is counted by kind ({@link #statistics()}) and reported as a
 * {@link MajordomoEvent} naming the peer; a peer speaking MDP/Worker then gets DISCONNECT and is forgotten, as the RFC
 * says; anything else is dropped.
 *
 * <p>Use: {@link #builder(ZmqContext)}, {@link #bind(String)}, then {@link #start()} (a thread of its own) or
 * {@link #run()} (the caller's thread), and {@link #close()}.
 *
 * <p>Thread-safety: {@code bind} before the loop starts, from the thread that built the broker; {@link #statistics()},
 * {@link #addMonitor}, {@link #removeMonitor} and {@link #close()} from any thread.
 */
public final class MajordomoBroker implements Runnable, AutoCloseable {

    /** The management namespace of RFC 8. */
    static final String MMI_PREFIX = "mmi.";
    private static final int BATCH = 256;

    private enum State { NEW, RUNNING, FINISHED }

    private final ZmqSocket router;
    private final MdpHeartbeat heartbeat;
    private final long requestExpiryNanos;
    private final Poller poller = new Poller();
    private final List<Consumer<MajordomoEvent>> monitors = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<CompletableFuture<BrokerStatistics>> statisticsRequests =
            new ConcurrentLinkedQueue<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile State state = State.NEW;
    private volatile boolean closing;
    private @Nullable Thread thread;

    // broker state, used by the loop's thread only (or by anyone once the loop finished)
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<ByteBuffer, WorkerRecord> workers = new HashMap<>();
    private final Map<MdpError, Long> protocolErrors = new EnumMap<>(MdpError.class);

    private MajordomoBroker(Builder b) {
        this.heartbeat = b.heartbeat;
        this.requestExpiryNanos = b.requestExpiry.toNanos();
        this.monitors.addAll(b.monitors);
        this.router = b.context.socket(SocketType.ROUTER, b.name);
        try {
            router.set(SocketOption.LINGER, Duration.ZERO);
            b.configure.accept(router);
        } catch (RuntimeException e) {
            router.close();
            throw e;
        }
    }

    /** A broker with RFC 7's default heartbeat and a 60 s request expiry. */
    public static MajordomoBroker create(ZmqContext context) {
        return builder(context).build();
    }

    /** A builder for a broker whose socket {@code context} makes. */
    public static Builder builder(ZmqContext context) {
        return new Builder(context);
    }

    /**
     * Binds the broker's socket to {@code endpoint}, e.g. {@code tcp://*:5555} or {@code tcp://127.0.0.1:*}.
     *
     * @return the endpoint bound, with an ephemeral port resolved
     * @throws IllegalStateException once the loop started
     * @throws ZmqException as {@link ZmqSocket#bind(String)}
     */
    public String bind(String endpoint) {
        if (state != State.NEW) {
            throw new IllegalStateException("bind before the broker starts: " + endpoint);
        }
        router.bind(endpoint);
        return Objects.requireNonNull(router.lastEndpoint());
    }

    /**
     * Runs the loop on a new daemon thread named after the socket.
     *
     * @return this broker
     * @throws IllegalStateException when it runs already or was closed
     */
    public synchronized MajordomoBroker start() {
        if (thread != null || state != State.NEW || closing) {
            throw new IllegalStateException("the broker was started or closed already");
        }
        Thread t = new Thread(this, "majordomo-" + router.name());
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    /** Adds a receiver of the broker's events; called on the broker's thread, what it throws is ignored. */
    public void addMonitor(Consumer<MajordomoEvent> monitor) {
        monitors.add(monitor);
    }

    /** Removes a receiver added by {@link #addMonitor}. */
    public void removeMonitor(Consumer<MajordomoEvent> monitor) {
        monitors.remove(monitor);
    }

    /**
     * The broker's loop: serves until {@link #close()}, the thread's interruption or the context's end, then closes
     * the socket.
     *
     * @throws IllegalStateException when the loop runs already or ran before
     */
    @Override
    public void run() {
        synchronized (this) {
            if (state != State.NEW) {
                throw new IllegalStateException("the broker's loop runs only once");
            }
            state = State.RUNNING;
        }
        try {
            poller.register(router, Poller.POLLIN);
            long nextBeat = System.nanoTime() + heartbeat.interval().toNanos();
            while (!closing) {
                long wait = Math.max(0, nextBeat - System.nanoTime());
                poller.poll(Duration.ofNanos(wait));
                answerStatistics();
                for (int i = 0; i < BATCH; i++) {
                    ZmqMessage m = router.recv(ZmqSocket.DONTWAIT);
                    if (m == null) {
                        break;
                    }
                    handle(m);
                }
                long now = System.nanoTime();
                if (now - nextBeat >= 0) {
                    purge(now);
                    beat(now);
                    nextBeat = now + heartbeat.interval().toNanos();
                }
            }
        } catch (ZmqException e) {
            if (e.code() != ErrorCode.ETERM && e.code() != ErrorCode.EINTR) {
                throw e;
            }
        } finally {
            poller.close();
            router.close();
            state = State.FINISHED;
            finished.countDown();
            answerStatistics();
        }
    }

    /**
     * A snapshot of every service and of the protocol errors counted so far. While the loop runs, the loop takes it
     * between two messages.
     *
     * @throws ZmqException EINTR when interrupted while waiting for the loop
     */
    public BrokerStatistics statistics() {
        if (state != State.RUNNING) {
            return snapshot();
        }
        CompletableFuture<BrokerStatistics> answer = new CompletableFuture<>();
        statisticsRequests.add(answer);
        poller.wakeup();
        while (true) {
            try {
                return answer.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (state == State.FINISHED) {
                    return snapshot();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ZmqException(ErrorCode.EINTR, "interrupted while waiting for the broker's statistics");
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Stops the loop and closes the socket, waiting up to 10 s for the loop to finish. Idempotent; any thread.
     */
    @Override
    public void close() {
        boolean neverRan;
        synchronized (this) {
            closing = true;
            neverRan = state == State.NEW;
            if (neverRan) {
                state = State.FINISHED;
                finished.countDown();
            }
        }
        if (neverRan) {
            poller.close();
            router.close();
            return;
        }
        poller.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                if (!finished.await(10, TimeUnit.SECONDS)) {
                    router.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "MajordomoBroker(" + router.name() + " " + router.boundEndpoints() + ")";
    }

    // ---------------------------------------------------------------- handling one message

    private void handle(ZmqMessage m) {
        try {
            MdpFrames.AtBroker parsed = MdpFrames.parseAtBroker(m);
            if (parsed instanceof MdpFrames.ClientRequest r) {
                onClientRequest(r);
            } else {
                onWorkerCommand((MdpFrames.WorkerCommand) parsed);
            }
        } catch (MdpProtocolException e) {
            onViolation(m, e);
        } catch (ZmqException e) {
            throw e;
        } catch (RuntimeException e) {
            emit(MajordomoEvent.Type.INTERNAL_ERROR, m.data(0), "", null, e.toString());
        }
    }

    private void onClientRequest(MdpFrames.ClientRequest r) {
        if (r.service().startsWith(MMI_PREFIX)) {
            router.send(MdpFrames.clientReply(r.client(), r.service(), ZmqMessage.of(mmi(r.service(), r.body()))),
                    ZmqSocket.DONTWAIT);
            return;
        }
        Service s = service(r.service());
        s.requests.addLast(new QueuedRequest(r.client(), r.body(), System.nanoTime()));
        dispatch(s);
    }

    /** RFC 8: the answer to an {@code mmi.} request. */
    private String mmi(String service, ZmqMessage body) {
        if (!service.equals("mmi.service")) {
            return "501";
        }
        Service asked = services.get(body.frame(0).text());
        return asked != null && asked.workers > 0 ? "200" : "404";
    }

    private void onWorkerCommand(MdpFrames.WorkerCommand c) {
        long now = System.nanoTime();
        WorkerRecord w = workers.get(ByteBuffer.wrap(c.worker()));
        if (w != null) {
            w.lastHeard = now;
        }
        switch (c.command()) {
            case READY -> {
                String name = Objects.requireNonNull(c.service());
                if (w != null) {
                    throw new MdpProtocolException(MdpError.UNEXPECTED_COMMAND,
                            "a second READY (for '" + name + "'; it serves '" + w.service.name + "')");
                }
                if (name.startsWith(MMI_PREFIX)) {
                    throw new MdpProtocolException(MdpError.RESERVED_SERVICE,
                            "READY for '" + name + "' in the reserved mmi. namespace");
                }
                Service s = service(name);
                WorkerRecord added = new WorkerRecord(c.worker(), s, now);
                workers.put(ByteBuffer.wrap(c.worker()), added);
                s.workers++;
                emit(MajordomoEvent.Type.WORKER_READY, c.worker(), name, null, "");
                ready(added);
            }
            case REPLY -> {
                if (w == null) {
                    throw new MdpProtocolException(MdpError.UNKNOWN_WORKER, "a REPLY from a worker that never said"
                            + " READY or expired");
                }
                router.send(MdpFrames.clientReply(Objects.requireNonNull(c.client()), w.service.name,
                        Objects.requireNonNull(c.body())), ZmqSocket.DONTWAIT);
                w.service.replies++;
                w.working = null;
                ready(w);
            }
            case HEARTBEAT -> {
                if (w == null) {
                    throw new MdpProtocolException(MdpError.UNKNOWN_WORKER, "a HEARTBEAT from a worker that never"
                            + " said READY or expired");
                }
            }
            case DISCONNECT -> {
                if (w != null) {
                    forget(w);
                    emit(MajordomoEvent.Type.WORKER_LEFT, w.id, w.service.name, null, "it said DISCONNECT");
                }
            }
            case REQUEST -> throw new MdpProtocolException(MdpError.UNEXPECTED_COMMAND, "a worker sent REQUEST");
        }
    }

    /**
     * RFC 7: a bad message from a worker gets DISCONNECT (the worker reconnects and says READY again), a bad message
     * from anyone else is dropped; both are counted and reported.
     */
    private void onViolation(ZmqMessage m, MdpProtocolException e) {
        byte[] peer = m.data(0);
        protocolErrors.merge(e.error(), 1L, Long::sum);
        WorkerRecord w = workers.get(ByteBuffer.wrap(peer));
        String service = w == null ? "" : w.service.name;
        if (w != null || MdpFrames.speaksWorkerProtocol(m)) {
            if (w != null) {
                forget(w);
            }
            router.send(MdpFrames.toWorker(peer, MdpCommand.DISCONNECT), ZmqSocket.DONTWAIT);
            emit(MajordomoEvent.Type.PROTOCOL_ERROR, peer, service, e.error(), e.getMessage() + "; sent DISCONNECT");
        } else {
            emit(MajordomoEvent.Type.PROTOCOL_ERROR, peer, service, e.error(), e.getMessage() + "; dropped");
        }
    }

    // ---------------------------------------------------------------- queues

    private Service service(String name) {
        return services.computeIfAbsent(name, Service::new);
    }

    private void ready(WorkerRecord w) {
        w.service.waiting.addLast(w);
        dispatch(w.service);
    }

    private void dispatch(Service s) {
        while (!s.requests.isEmpty() && !s.waiting.isEmpty()) {
            WorkerRecord w = s.waiting.pollFirst();
            QueuedRequest r = s.requests.pollFirst();
            w.working = r;
            w.lastSent = System.nanoTime();
            s.dispatched++;
            router.send(MdpFrames.requestToWorker(w.id, r.client(), r.body()), ZmqSocket.DONTWAIT);
        }
    }

    /** Removes a worker; the request it was working on goes back to the front of its queue. */
    private void forget(WorkerRecord w) {
        workers.remove(ByteBuffer.wrap(w.id));
        Service s = w.service;
        s.workers--;
        s.waiting.remove(w);
        QueuedRequest unfinished = w.working;
        if (unfinished != null) {
            w.working = null;
            s.requests.addFirst(unfinished);
            dispatch(s);
        }
    }

    /** Forgets silent workers and drops requests that waited too long. */
    private void purge(long now) {
        long expiry = heartbeat.expiry().toNanos();
        for (WorkerRecord w : new ArrayList<>(workers.values())) {
            if (w.expired(now, expiry)) {
                w.service.workersExpired++;
                forget(w);
                emit(MajordomoEvent.Type.WORKER_EXPIRED, w.id, w.service.name, null,
                        "silent for more than " + heartbeat.expiry().toMillis() + " ms");
            }
        }
        for (Service s : services.values()) {
            while (!s.requests.isEmpty() && now - s.requests.peekFirst().queuedAt() > requestExpiryNanos) {
                QueuedRequest r = s.requests.pollFirst();
                s.requestsExpired++;
                emit(MajordomoEvent.Type.REQUEST_EXPIRED, r.client(), s.name, null,
                        "no worker within " + Duration.ofNanos(requestExpiryNanos).toMillis() + " ms");
            }
        }
    }

    /** HEARTBEAT to each worker that was sent nothing for an interval. */
    private void beat(long now) {
        long interval = heartbeat.interval().toNanos();
        for (WorkerRecord w : workers.values()) {
            if (now - w.lastSent >= interval - interval / 10) {
                w.lastSent = now;
                router.send(MdpFrames.toWorker(w.id, MdpCommand.HEARTBEAT), ZmqSocket.DONTWAIT);
            }
        }
    }

    // ---------------------------------------------------------------- statistics and events

    private void answerStatistics() {
        CompletableFuture<BrokerStatistics> f;
        while ((f = statisticsRequests.poll()) != null) {
            f.complete(snapshot());
        }
    }

    private BrokerStatistics snapshot() {
        Map<String, ServiceStatistics> out = new LinkedHashMap<>();
        services.forEach((name, s) -> out.put(name, s.statistics()));
        return new BrokerStatistics(out, protocolErrors);
    }

    private void emit(MajordomoEvent.Type type, byte[] peer, String service, @Nullable MdpError error, String detail) {
        if (monitors.isEmpty()) {
            return;
        }
        MajordomoEvent event = new MajordomoEvent(type, MdpFrames.hex(peer), service, error, detail, Instant.now());
        for (Consumer<MajordomoEvent> m : monitors) {
            try {
                m.accept(event);
            } catch (RuntimeException ignored) {
                // a monitor's failure is not the broker's
            }
        }
    }

    /**
     * How to make a {@link MajordomoBroker}. Not thread-safe.
     */
    public static final class Builder {
        private final ZmqContext context;
        private MdpHeartbeat heartbeat = MdpHeartbeat.DEFAULT;
        private Duration requestExpiry = Duration.ofSeconds(60);
        private Consumer<ZmqSocket> configure = s -> { };
        private final List<Consumer<MajordomoEvent>> monitors = new ArrayList<>();
        private String name = "mdp-broker";

        private Builder(ZmqContext context) {
            this.context = Objects.requireNonNull(context, "context");
        }

        /** Heartbeat interval and liveness; workers must use the same. Default {@link MdpHeartbeat#DEFAULT}. */
        public Builder heartbeat(MdpHeartbeat value) {
            this.heartbeat = Objects.requireNonNull(value, "heartbeat");
            return this;
        }

        /** How long a request may wait for a worker before it is dropped; default 60 s. */
        public Builder requestExpiry(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("request expiry must be positive: " + value);
            }
            this.requestExpiry = value;
            return this;
        }

        /** Sets options on the ROUTER before it binds: CURVE or PLAIN server, HWMs, ... */
        public Builder socket(Consumer<ZmqSocket> value) {
            this.configure = Objects.requireNonNull(value, "socket");
            return this;
        }

        /** Adds a receiver of the broker's events (see {@link MajordomoBroker#addMonitor}). */
        public Builder monitor(Consumer<MajordomoEvent> value) {
            monitors.add(Objects.requireNonNull(value, "monitor"));
            return this;
        }

        /** The socket's name, used in its events, errors and thread name; default {@code mdp-broker}. */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * The broker, its socket made but not bound.
         *
         * @throws ZmqException when the context is closed or an option is refused
         */
        public MajordomoBroker build() {
            return new MajordomoBroker(this);
        }
    }
}
