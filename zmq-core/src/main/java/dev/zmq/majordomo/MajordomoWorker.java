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

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An MDP/0.1 worker (RFC 7) for one service: a DEALER connected to one broker. It says READY, then takes REQUESTs
 * and sends REPLYs, either one at a time ({@link #receive(Duration)} then {@link #reply(ZmqMessage)}) or in a loop
 * ({@link #run(Function)}). While it waits it sends HEARTBEAT every interval it sent nothing else, and takes the
 * broker for dead after interval × liveness without a word from it. Then, and when the broker sends DISCONNECT, it
 * closes its socket and reconnects on a new one after a back-off that doubles from the initial delay up to the
 * maximum (reset by the first REQUEST or HEARTBEAT of the new conversation), and says READY again.
 *
 * <p>The broker hears nothing while the application works on a request, so a request must take less than
 * interval × liveness, or the broker forgets the worker: its late REPLY then gets DISCONNECT and the worker
 * registers again.
 *
 * <p>Thread-safety: one thread at a time uses {@code receive}, {@code reply} and {@code run}; {@link #close()} may
 * be called from any thread and ends a blocked {@code receive} or {@code run}.
 */
public final class MajordomoWorker implements AutoCloseable {

    private static final Duration LINGER_FOR_DISCONNECT = Duration.ofMillis(200);

    private final ZmqContext context;
    private final String broker;
    private final String service;
    private final MdpHeartbeat heartbeat;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Consumer<ZmqSocket> configure;
    private final Poller poller = new Poller();
    private final ReentrantLock inUse = new ReentrantLock();
    private volatile boolean closed;

    // used by the thread inside receive/reply/run
    private @Nullable ZmqSocket socket;
    private long lastHeard;
    private long lastSent;
    private long reconnectAt;
    private Duration delay;
    private byte @Nullable [] replyTo;
    private boolean connectedBefore;
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong protocolErrors = new AtomicLong();

    private MajordomoWorker(Builder b) {
        this.context = b.context;
        this.broker = b.broker;
        this.service = b.service;
        this.heartbeat = b.heartbeat;
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.configure = b.configure;
        this.delay = initialDelay;
        this.reconnectAt = System.nanoTime();
    }

    /** A worker for {@code service} at the broker at {@code broker}, with RFC 7's default heartbeat. */
    public static MajordomoWorker create(ZmqContext context, String broker, String service) {
        return builder(context, broker, service).build();
    }

    /** A builder for a worker for {@code service} at the broker at {@code broker} (an endpoint to connect to). */
    public static Builder builder(ZmqContext context, String broker, String service) {
        return new Builder(context, broker, service);
    }

    /** The service this worker offers. */
    public String service() {
        return service;
    }

    /** How many times it opened a new socket after the first (broker silent, DISCONNECT, failed handler). */
    public long reconnects() {
        return reconnects.get();
    }

    /** How many messages from the broker broke RFC 7 (they were dropped). */
    public long protocolErrors() {
        return protocolErrors.get();
    }

    /**
     * Waits up to {@code timeout} for the next request, connecting (and saying READY) first if needed, and answering
     * heartbeats meanwhile. A request received before and not answered is abandoned.
     *
     * @return the request's body, or {@code null} when the timeout passed or the worker was closed
     * @throws ZmqException EINTR when the thread is interrupted, ETERM when the context closed
     */
    public @Nullable ZmqMessage receive(Duration timeout) {
        inUse.lock();
        try {
            return doReceive(System.nanoTime() + timeout.toNanos());
        } finally {
            try {
                closeIfClosed();
            } finally {
                inUse.unlock();
            }
        }
    }

    /**
     * Sends the reply to the request {@link #receive(Duration)} returned last.
     *
     * @throws IllegalStateException when there is no request to answer
     */
    public void reply(ZmqMessage body) {
        inUse.lock();
        try {
            byte[] client = replyTo;
            ZmqSocket s = socket;
            if (client == null || s == null) {
                throw new IllegalStateException("no request to reply to (it was answered, or the worker reconnected)");
            }
            replyTo = null;
            send(s, MdpFrames.reply(client, body));
        } finally {
            try {
                closeIfClosed();
            } finally {
                inUse.unlock();
            }
        }
    }

    /**
     * Serves requests with {@code handler} until {@link #close()}: each request's body in, the reply's body out.
     * When the handler throws, the worker sends DISCONNECT (the broker gives the request to another worker), drops
     * its socket (the next call registers again) and rethrows.
     *
     * @throws ZmqException EINTR when the thread is interrupted, ETERM when the context closed
     */
    public void run(Function<ZmqMessage, ZmqMessage> handler) {
        while (!closed) {
            ZmqMessage request = receive(heartbeat.interval());
            if (request == null) {
                continue;
            }
            ZmqMessage answer;
            try {
                answer = Objects.requireNonNull(handler.apply(request), "the handler returned no reply");
            } catch (RuntimeException | Error e) {
                abandon();
                throw e;
            }
            reply(answer);
        }
    }

    /** Says DISCONNECT and drops the socket (when the worker cannot answer what it received). */
    private void abandon() {
        inUse.lock();
        try {
            ZmqSocket s = socket;
            if (s != null) {
                sayDisconnect(s);
                drop();
                reconnectAt = System.nanoTime();
            }
        } finally {
            inUse.unlock();
        }
    }

    /**
     * Says DISCONNECT to the broker (if connected) and closes the socket; ends a {@code receive} or {@code run} in
     * progress. Idempotent; any thread.
     */
    @Override
    public void close() {
        closed = true;
        poller.wakeup();
        closeIfClosed();
    }

    @Override
    public String toString() {
        return "MajordomoWorker(" + service + " at " + broker + ")";
    }

    // ---------------------------------------------------------------- the loop

    private @Nullable ZmqMessage doReceive(long deadline) {
        replyTo = null;
        long expiry = heartbeat.expiry().toNanos();
        long interval = heartbeat.interval().toNanos();
        while (!closed) {
            long now = System.nanoTime();
            ZmqSocket s = socket;
            if (s == null && now - reconnectAt >= 0) {
                s = connect(now);
            }
            long wake = deadline;
            if (s == null) {
                wake = earlier(wake, reconnectAt);
            } else {
                wake = earlier(earlier(wake, lastSent + interval), lastHeard + expiry);
            }
            poller.poll(Duration.ofNanos(Math.max(0, wake - now)));
            if (s != null) {
                ZmqMessage body = read(s);
                if (body != null) {
                    return body;
                }
                now = System.nanoTime();
                if (socket != null && now - lastHeard > expiry) {
                    drop();
                    backOff(now);
                } else if (socket != null && now - lastSent >= interval) {
                    send(socket, MdpFrames.fromWorker(MdpCommand.HEARTBEAT));
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                return null;
            }
        }
        return null;
    }

    /** Reads what the broker sent; the body of a REQUEST, or {@code null} when there was none. */
    private @Nullable ZmqMessage read(ZmqSocket s) {
        ZmqMessage m;
        while (socket == s && (m = s.recv(ZmqSocket.DONTWAIT)) != null) {
            MdpFrames.BrokerCommand c;
            try {
                c = MdpFrames.parseAtWorker(m);
            } catch (MdpProtocolException e) {
                protocolErrors.incrementAndGet();
                continue;
            }
            long now = System.nanoTime();
            lastHeard = now;
            switch (c.command()) {
                case REQUEST -> {
                    delay = initialDelay;
                    replyTo = c.client();
                    return c.body();
                }
                case HEARTBEAT -> delay = initialDelay;
                case DISCONNECT -> {
                    drop();
                    backOff(now);
                }
                default -> protocolErrors.incrementAndGet();
            }
        }
        return null;
    }

    private ZmqSocket connect(long now) {
        ZmqSocket s = context.socket(SocketType.DEALER, "mdp-worker-" + service);
        try {
            s.set(SocketOption.LINGER, Duration.ZERO);
            configure.accept(s);
            s.connect(broker);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        if (connectedBefore) {
            reconnects.incrementAndGet();
        }
        connectedBefore = true;
        socket = s;
        poller.register(s, Poller.POLLIN);
        lastHeard = now;
        send(s, MdpFrames.ready(service));
        return s;
    }

    private void drop() {
        ZmqSocket s = socket;
        if (s != null) {
            poller.unregister(s);
            s.close();
            socket = null;
        }
        replyTo = null;
    }

    private void backOff(long now) {
        reconnectAt = now + delay.toNanos();
        Duration doubled = delay.multipliedBy(2);
        delay = doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
    }

    /** Sends DISCONNECT and lets the socket's close wait a little for it to leave (it is the broker's cue). */
    private void sayDisconnect(ZmqSocket s) {
        s.set(SocketOption.LINGER, LINGER_FOR_DISCONNECT);
        send(s, MdpFrames.fromWorker(MdpCommand.DISCONNECT));
    }

    private void send(ZmqSocket s, ZmqMessage m) {
        s.send(m, ZmqSocket.DONTWAIT);
        lastSent = System.nanoTime();
    }

    private void closeIfClosed() {
        if (closed && inUse.tryLock()) {
            try {
                ZmqSocket s = socket;
                if (s != null) {
                    try {
                        sayDisconnect(s);
                    } catch (ZmqException e) {
                        if (e.code() != ErrorCode.ETERM) {
                            throw e;
                        }
                    }
                    drop();
                }
            } finally {
                inUse.unlock();
            }
        }
    }

    private static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }

    /** How to make a {@link MajordomoWorker}. Not thread-safe. */
    public static final class Builder {
        private final ZmqContext context;
        private final String broker;
        private final String service;
        private MdpHeartbeat heartbeat = MdpHeartbeat.DEFAULT;
        private Duration initialDelay = Duration.ofMillis(250);
        private Duration maxDelay = Duration.ofSeconds(30);
        private Consumer<ZmqSocket> configure = s -> { };

        private Builder(ZmqContext context, String broker, String service) {
            this.context = Objects.requireNonNull(context, "context");
            this.broker = Objects.requireNonNull(broker, "broker");
            this.service = Objects.requireNonNull(service, "service");
        }

        /** Heartbeat interval and liveness; the broker must use the same. Default {@link MdpHeartbeat#DEFAULT}. */
        public Builder heartbeat(MdpHeartbeat value) {
            this.heartbeat = Objects.requireNonNull(value, "heartbeat");
            return this;
        }

        /**
         * The wait before reconnecting, doubling from {@code initial} up to {@code max}; default 250 ms to 30 s.
         *
         * @throws IllegalArgumentException when {@code initial} is negative or above {@code max}
         */
        public Builder reconnect(Duration initial, Duration max) {
            if (initial.isNegative() || initial.compareTo(max) > 0) {
                throw new IllegalArgumentException("reconnect delays must be 0 <= initial <= max: " + initial
                        + ", " + max);
            }
            this.initialDelay = initial;
            this.maxDelay = max;
            return this;
        }

        /** Sets options on each DEALER the worker makes, before it connects: CURVE or PLAIN client, HWMs, ... */
        public Builder socket(Consumer<ZmqSocket> value) {
            this.configure = Objects.requireNonNull(value, "socket");
            return this;
        }

        /** The worker; it connects on its first {@code receive} or {@code run}. */
        public MajordomoWorker build() {
            return new MajordomoWorker(this);
        }
    }
}
