package dev.zmq.spring.core;

import dev.zmq.ErrorCode;
import dev.zmq.Frame;
import dev.zmq.Poller;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.config.ZmqSocketSpec;
import dev.zmq.spring.support.ReceivedMessage;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A DEALER owned by one thread that sends what callers queue and matches replies to requests by a correlation
 * frame, so many requests share the socket at once. The thread parks in a {@link Poller} until a reply arrives or a
 * caller wakes it; nothing polls on a timer. Thread-safe.
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
    private volatile boolean closed;

    DealerRequester(ZmqSocketSpec spec, ZmqContext context) {
        this.spec = spec;
        this.socket = spec.open(context);
        this.thread = new Thread(this::run, "zmq-requester-" + spec.name());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void send(ZmqMessage message) {
        enqueue(message);
    }

    @Override
    public ZmqMessage request(ZmqMessage request, Duration timeout) {
        long id = ids.incrementAndGet();
        CompletableFuture<ZmqMessage> reply = new CompletableFuture<>();
        waiting.put(id, reply);
        ZmqMessage.Builder b = ZmqMessage.builder().add(Frame.wrap(ByteBuffer.allocate(8).putLong(id).array()))
                .add(Frame.EMPTY);
        request.frames().forEach(b::add);
        try {
            enqueue(b.build());
            return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw SharedSocket.noReply(spec, timeout);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ZmqException z ? z : new ZmqException(ErrorCode.EFSM, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZmqException(ErrorCode.EINTR, "interrupted waiting for a reply on '" + spec.name() + "'", e);
        } finally {
            waiting.remove(id);
        }
    }

    private void enqueue(ZmqMessage message) {
        if (closed) {
            throw new ZmqException(ErrorCode.ETERM, "socket '" + spec.name() + "' is closed");
        }
        outbox.add(message);
        poller.wakeup();
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
                }
                while ((m = socket.recv(ZmqSocket.DONTWAIT)) != null) {
                    deliver(m);
                }
            }
        } catch (ZmqException e) {
            if (!closed) {
                waiting.values().forEach(f -> f.completeExceptionally(e));
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
