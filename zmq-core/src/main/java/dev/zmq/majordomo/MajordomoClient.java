package dev.zmq.majordomo;

import dev.zmq.ErrorCode;
import dev.zmq.Poller;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An MDP/0.1 client (RFC 7) of one broker, synchronous ({@link #request}) or asynchronous ({@link #requestAsync},
 * any number of requests in flight). MDP/0.1 carries no request id, so each request in flight has a DEALER of its
 * own and a reply is known by the socket it arrives on. An attempt that gets no reply within the timeout is given
 * up with its socket, as RFC 7 recommends: the next attempt goes out on a new socket (a new connection), so a late
 * reply to the old one can never be taken for the new one. A socket that got its reply is kept for the next request.
 *
 * <p>Thread-safety: thread-safe; one thread of its own owns the sockets. {@link #close()} fails what is in flight
 * with ETERM.
 */
public final class MajordomoClient implements AutoCloseable {

    private static final int IDLE_SOCKETS = 16;

    private final ZmqContext context;
    private final String broker;
    private final Consumer<ZmqSocket> configure;
    private final Poller poller = new Poller();
    private final ConcurrentLinkedQueue<Call> submitted = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private final AtomicLong protocolErrors = new AtomicLong();

    // the client's thread only
    private final Map<ZmqSocket, Call> inFlight = new IdentityHashMap<>();
    private final Deque<ZmqSocket> idle = new ArrayDeque<>();

    /** One request: what, for whom, how long each attempt may take, how many attempts are left. */
    private static final class Call {
        final String service;
        final ZmqMessage body;
        final Duration timeout;
        final CompletableFuture<ZmqMessage> future = new CompletableFuture<>();
        int attemptsLeft;
        int attempts;
        long deadline;

        Call(String service, ZmqMessage body, Duration timeout, int retries) {
            this.service = service;
            this.body = body;
            this.timeout = timeout;
            this.attemptsLeft = retries + 1;
        }
    }

    private MajordomoClient(Builder b) {
        this.context = b.context;
        this.broker = b.broker;
        this.configure = b.configure;
        this.thread = new Thread(this::loop, "mdp-client-" + broker);
        thread.setDaemon(true);
        thread.start();
    }

    /** A client of the broker at {@code broker} (an endpoint to connect to). */
    public static MajordomoClient create(ZmqContext context, String broker) {
        return builder(context, broker).build();
    }

    /** A builder for a client of the broker at {@code broker}. */
    public static Builder builder(ZmqContext context, String broker) {
        return new Builder(context, broker);
    }

    /**
     * Sends {@code body} to {@code service} and waits for the reply, trying {@code 1 + retries} times, each on a new
     * connection, each waiting up to {@code timeout}.
     *
     * @return the reply's body
     * @throws ZmqException EAGAIN when no attempt got a reply, ETERM when the client or context closed, EINTR when
     *     interrupted (the request is then cancelled)
     * @throws IllegalArgumentException for a timeout that is not positive or a negative retry count
     */
    public ZmqMessage request(String service, ZmqMessage body, Duration timeout, int retries) {
        CompletableFuture<ZmqMessage> f = requestAsync(service, body, timeout, retries);
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(false);
            Thread.currentThread().interrupt();
            throw new ZmqException(ErrorCode.EINTR, "interrupted waiting for a reply from '" + service + "'");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ZmqException z) {
                throw new ZmqException(z.code(), String.valueOf(z.getMessage()), z);
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Sends {@code body} to {@code service} without waiting, as {@link #request} does.
     *
     * @return the reply's body to come; completed exceptionally with {@link ZmqException} EAGAIN when no attempt got
     *     a reply, ETERM when the client closed. Cancelling it gives the request up.
     * @throws IllegalArgumentException for a timeout that is not positive or a negative retry count
     */
    public CompletableFuture<ZmqMessage> requestAsync(String service, ZmqMessage body, Duration timeout, int retries) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        Call call = new Call(Objects.requireNonNull(service, "service"), Objects.requireNonNull(body, "body"),
                timeout, retries);
        if (closed) {
            call.future.completeExceptionally(new ZmqException(ErrorCode.ETERM, "the MDP client is closed"));
            return call.future;
        }
        submitted.add(call);
        poller.wakeup();
        if (closed && submitted.remove(call)) {
            call.future.completeExceptionally(new ZmqException(ErrorCode.ETERM, "the MDP client is closed"));
        }
        return call.future;
    }

    /** How many replies broke RFC 7 or answered another service (they were dropped). */
    public long protocolErrors() {
        return protocolErrors.get();
    }

    /** Fails what is in flight with ETERM and closes the sockets; waits up to 10 s for that. Idempotent. */
    @Override
    public void close() {
        closed = true;
        poller.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "MajordomoClient(" + broker + ", " + inFlight.size() + " in flight)";
    }

    // ---------------------------------------------------------------- the client's thread

    private void loop() {
        try {
            while (!closed) {
                long now = System.nanoTime();
                long wake = now + Duration.ofSeconds(1).toNanos();
                for (Call c : inFlight.values()) {
                    if (c.deadline - wake < 0) {
                        wake = c.deadline;
                    }
                }
                poller.poll(Duration.ofNanos(Math.max(0, wake - now)));
                Call c;
                while ((c = submitted.poll()) != null) {
                    attempt(c);
                }
                for (ZmqSocket s : new ArrayList<>(inFlight.keySet())) {
                    if (poller.isReadable(s)) {
                        read(s);
                    }
                }
                expire(System.nanoTime());
            }
        } catch (ZmqException e) {
            if (e.code() != ErrorCode.ETERM && e.code() != ErrorCode.EINTR) {
                failAll(e);
                throw e;
            }
        } finally {
            closed = true;
            failAll(new ZmqException(ErrorCode.ETERM, "the MDP client closed"));
        }
    }

    private void attempt(Call c) {
        if (c.future.isDone()) {
            return;
        }
        ZmqSocket s = idle.pollFirst();
        if (s == null) {
            s = context.socket(SocketType.DEALER, "mdp-client");
            try {
                s.set(SocketOption.LINGER, Duration.ZERO);
                configure.accept(s);
                s.connect(broker);
            } catch (RuntimeException e) {
                s.close();
                c.future.completeExceptionally(e);
                return;
            }
        } else {
            while (s.recv(ZmqSocket.DONTWAIT) != null) {
                protocolErrors.incrementAndGet(); // a stray reply from an earlier conversation
            }
        }
        c.attemptsLeft--;
        c.attempts++;
        c.deadline = System.nanoTime() + c.timeout.toNanos();
        inFlight.put(s, c);
        poller.register(s, Poller.POLLIN);
        s.send(MdpFrames.request(c.service, c.body), ZmqSocket.DONTWAIT);
    }

    private void read(ZmqSocket s) {
        ZmqMessage m;
        while ((m = s.recv(ZmqSocket.DONTWAIT)) != null) {
            Call c = inFlight.get(s);
            if (c == null) {
                return;
            }
            ZmqMessage body;
            try {
                body = MdpFrames.parseAtClient(m, c.service);
            } catch (MdpProtocolException e) {
                protocolErrors.incrementAndGet();
                continue;
            }
            inFlight.remove(s);
            poller.unregister(s);
            if (idle.size() < IDLE_SOCKETS) {
                idle.addLast(s);
            } else {
                s.close();
            }
            c.future.complete(body);
            return;
        }
    }

    private void expire(long now) {
        List<ZmqSocket> done = new ArrayList<>();
        inFlight.forEach((s, c) -> {
            if (c.future.isDone() || now - c.deadline >= 0) {
                done.add(s);
            }
        });
        for (ZmqSocket s : done) {
            Call c = Objects.requireNonNull(inFlight.remove(s));
            poller.unregister(s);
            s.close();
            if (c.future.isDone()) {
                continue; // cancelled
            }
            if (c.attemptsLeft > 0) {
                attempt(c);
            } else {
                c.future.completeExceptionally(new ZmqException(ErrorCode.EAGAIN, "no reply from service '"
                        + c.service + "' at " + broker + " after " + c.attempts + " attempt(s) of "
                        + c.timeout.toMillis() + " ms"));
            }
        }
    }

    private void failAll(ZmqException e) {
        for (Map.Entry<ZmqSocket, Call> entry : inFlight.entrySet()) {
            entry.getValue().future.completeExceptionally(e);
            poller.unregister(entry.getKey());
            entry.getKey().close();
        }
        inFlight.clear();
        Call c;
        while ((c = submitted.poll()) != null) {
            c.future.completeExceptionally(e);
        }
        for (ZmqSocket s : idle) {
            poller.unregister(s);
            s.close();
        }
        idle.clear();
    }

    /** How to make a {@link MajordomoClient}. Not thread-safe. */
    public static final class Builder {
        private final ZmqContext context;
        private final String broker;
        private Consumer<ZmqSocket> configure = s -> { };

        private Builder(ZmqContext context, String broker) {
            this.context = Objects.requireNonNull(context, "context");
            this.broker = Objects.requireNonNull(broker, "broker");
        }

        /** Sets options on each DEALER the client makes, before it connects: CURVE or PLAIN client, HWMs, ... */
        public Builder socket(Consumer<ZmqSocket> value) {
            this.configure = Objects.requireNonNull(value, "socket");
            return this;
        }

        /** The client, its thread started. */
        public MajordomoClient build() {
            return new MajordomoClient(this);
        }
    }
}
