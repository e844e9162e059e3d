package dev.zmq.spring.core;

import dev.zmq.ErrorCode;
import dev.zmq.Frame;
import dev.zmq.Poller;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.support.ReceivedMessage;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A DEALER owned by one thread that sends what callers queue and matches replies to requests by a correlation
 * frame, so many requests share the socket at once. The thread parks in a {@link Poller} until a reply arrives or a
 * caller wakes it; nothing polls on a timer.
 *
 * <p>Sends are bounded as the socket's own: at most SNDHWM messages wait for the thread (besides the SNDHWM the
 * socket itself holds per peer); a caller finding no room waits up to SNDTIMEO and then fails with EAGAIN, as a send
 * on the socket would. If the thread ever stops on an error, every later send and request fails at once naming it.
 * Thread-safe.
 */
final class DealerRequester implements SharedSocket {

    private static final Duration FOREVER = Duration.ofMillis(-1);

    private final ZmqSocketSpec spec;
    private final ZmqSocket socket;
    private final Poller poller = new Poller();
    private final Queue<ZmqMessage> outbox = new ConcurrentLinkedQueue<>();
    private final Map<Long, CompletableFuture<ZmqMessage>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Thread thread;
    /** Room for messages waiting for the thread: SNDHWM permits, or {@code null} when SNDHWM is 0 (no limit). */
    private final @Nullable Semaphore room;
    private final int hwm;
    private final Duration sendTimeout;
    private volatile boolean closed;
    /** Why the thread stopped, when it stopped on an error. */
    private volatile @Nullable ZmqException failure;

    DealerRequester(ZmqSocketSpec spec, ZmqContext context) {
        this.spec = spec;
        this.socket = spec.open(context);
        this.hwm = socket.get(SocketOption.SNDHWM);
        this.room = hwm == 0 ? null : new Semaphore(hwm);
        this.sendTimeout = socket.get(SocketOption.SNDTIMEO);
        this.thread = new Thread(this::run, "zmq-requester-" + spec.name());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void send(ZmqMessage message) {
        enqueue(message);
    }

    @Override
    public CompletableFuture<ZmqMessage> requestAsync(ZmqMessage request, Duration timeout) {
        long id = ids.incrementAndGet();
        CompletableFuture<ZmqMessage> reply = new CompletableFuture<>();
        waiting.put(id, reply);
        try {
            enqueue(correlated(id, request));
        } catch (ZmqException e) {
            waiting.remove(id);
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<ZmqMessage> timed = new CompletableFuture<>();
        reply.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((r, e) -> {
            waiting.remove(id);
            if (e == null) {
                timed.complete(r);
            } else {
                timed.completeExceptionally(e instanceof TimeoutException ? SharedSocket.noReply(spec, timeout) : e);
            }
        });
        return timed;
    }

    /** {@code request} behind its correlation frame and an empty delimiter. */
    private static ZmqMessage correlated(long id, ZmqMessage request) {
        ZmqMessage.Builder b = ZmqMessage.builder().add(Frame.wrap(ByteBuffer.allocate(8).putLong(id).array()))
                .add(Frame.EMPTY);
        request.frames().forEach(b::add);
        return b.build();
    }

    @Override
    public ZmqMessage request(ZmqMessage request, Duration timeout) {
        long id = ids.incrementAndGet();
        CompletableFuture<ZmqMessage> reply = new CompletableFuture<>();
        waiting.put(id, reply);
        try {
            enqueue(correlated(id, request));
            return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw SharedSocket.noReply(spec, timeout);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ZmqException z ? z : new ZmqException(ErrorCode.EFSM, String.valueOf(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZmqException(ErrorCode.EINTR, "interrupted waiting for a reply on '" + spec.name() + "'", e);
        } finally {
            waiting.remove(id);
        }
    }

    private void enqueue(ZmqMessage message) {
        usable();
        if (room != null && !makeRoom(room)) {
            throw new ZmqException(ErrorCode.EAGAIN, "socket '" + spec.name() + "': " + hwm
                    + " messages are already waiting to be sent (SNDHWM) and none left within SNDTIMEO " + sendTimeout);
        }
        usable();
        outbox.add(message);
        poller.wakeup();
    }

    /** Throws when the socket is closed or its thread stopped on an error. */
    private void usable() {
        if (closed) {
            throw new ZmqException(ErrorCode.ETERM, "socket '" + spec.name() + "' is closed");
        }
        ZmqException f = failure;
        if (f != null) {
            throw new ZmqException(f.code(), "socket '" + spec.name() + "' cannot send: its thread stopped after: "
                    + f.getMessage(), f);
        }
    }

    /** Takes a permit, waiting up to SNDTIMEO (negative: for as long as it takes). */
    private boolean makeRoom(Semaphore room) {
        try {
            if (sendTimeout.isNegative()) {
                room.acquire();
                return true;
            }
            return room.tryAcquire(sendTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZmqException(ErrorCode.EINTR, "interrupted waiting to send on '" + spec.name() + "'", e);
        }
    }

    private void run() {
        Deque<ZmqMessage> unsent = new ArrayDeque<>();
        try {
            while (!closed) {
                poller.register(socket, unsent.isEmpty() ? Poller.POLLIN : Poller.POLLIN | Poller.POLLOUT);
                poller.poll(FOREVER);
                ZmqMessage m;
                while ((m = outbox.poll()) != null) {
                    unsent.add(m);
                }
                while (!unsent.isEmpty() && socket.send(unsent.peek(), ZmqSocket.DONTWAIT)) {
                    unsent.poll();
                    if (room != null) {
                        room.release();
                    }
                }
                while ((m = socket.recv(ZmqSocket.DONTWAIT)) != null) {
                    deliver(m);
                }
            }
        } catch (RuntimeException thrown) {
            ZmqException e = thrown instanceof ZmqException z ? z
                    : new ZmqException(ErrorCode.EFSM, "the requester of '" + spec.name() + "' failed: " + thrown, thrown);
            if (!closed) {
                failure = e;
                waiting.values().forEach(f -> f.completeExceptionally(e));
                if (room != null) {
                    // callers waiting for room learn of the failure at once
                    room.release(hwm + unsent.size() + 1);
                }
            }
        } finally {
            poller.close();
            socket.close();
        }
    }

    /** Completes the request a reply answers; replies nobody waits for (timed out) are dropped. */
    private void deliver(ZmqMessage reply) {
        ReceivedMessage r = ReceivedMessage.split(reply, SocketType.ROUTER);
        byte[] id = r.routingId();
        if (id != null && id.length == 8) {
            CompletableFuture<ZmqMessage> f = waiting.get(ByteBuffer.wrap(id).getLong());
            if (f != null) {
                f.complete(ZmqMessage.of(r.body()));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        poller.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waiting.values().forEach(f -> f.completeExceptionally(new ZmqException(ErrorCode.ETERM, "socket '"
                + spec.name() + "' closed while waiting for a reply")));
    }
}
