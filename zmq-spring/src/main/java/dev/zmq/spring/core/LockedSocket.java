package dev.zmq.spring.core;

import dev.zmq.ErrorCode;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.OptionValue;
import dev.zmq.spring.support.ZmqSocketSpec;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A socket shared through a lock, held only to queue one message (the I/O runs in the context's I/O threads), or,
 * for a REQ or CLIENT request, until its reply arrives or times out: their requests run one at a time (REQ is
 * lock-step; a CLIENT's single frame has no room for a correlation id, so replies left over from a timed-out request
 * are discarded before the next). A socket of a thread-safe type sends without the lock. Thread-safe.
 */
final class LockedSocket implements SharedSocket {

    private final ReentrantLock lock = new ReentrantLock();
    private final ZmqSocketSpec spec;
    private final ZmqSocket socket;
    /** Runs asynchronous requests one after another, in the order asked; made on first use. */
    private @Nullable ExecutorService requester;

    LockedSocket(ZmqSocketSpec spec, ZmqContext context) {
        this.spec = spec;
        ZmqSocketSpec opened = spec.type() != SocketType.REQ ? spec : spec.withOptions(List.of(
                new OptionValue<>(SocketOption.REQ_RELAXED, true),
                new OptionValue<>(SocketOption.REQ_CORRELATE, true)));
        this.socket = opened.open(context);
    }

    @Override
    public void send(ZmqMessage message) {
        if (spec.type().isThreadSafe()) {
            socket.send(message);
            return;
        }
        lock.lock();
        try {
            socket.send(message);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ZmqMessage request(ZmqMessage request, Duration timeout) {
        if (spec.type() != SocketType.REQ && spec.type() != SocketType.CLIENT) {
            throw new ZmqException(ErrorCode.ENOTSUP, "sendAndReceive needs a REQ, DEALER or CLIENT socket; '"
                    + spec.name() + "' is " + spec.type());
        }
        lock.lock();
        try {
            if (spec.type() == SocketType.CLIENT) {
                while (socket.recv(ZmqSocket.DONTWAIT) != null) {
                    // a late reply to an earlier request that timed out
                }
            }
            socket.send(request);
            return awaitReply(timeout);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CompletableFuture<ZmqMessage> requestAsync(ZmqMessage request, Duration timeout) {
        ExecutorService r;
        synchronized (this) {
            if (requester == null) {
                requester = Executors.newSingleThreadExecutor(t -> {
                    Thread thread = new Thread(t, "zmq-requests-" + spec.name());
                    thread.setDaemon(true);
                    return thread;
                });
            }
            r = requester;
        }
        CompletableFuture<ZmqMessage> reply = new CompletableFuture<>();
        try {
            r.execute(() -> {
                try {
                    reply.complete(request(request, timeout));
                } catch (RuntimeException e) {
                    reply.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException closed) {
            reply.completeExceptionally(new ZmqException(ErrorCode.ETERM, "socket '" + spec.name() + "' is closed"));
        }
        return reply;
    }

    private ZmqMessage awaitReply(Duration timeout) {
        ZmqMessage reply = socket.recv(timeout);
        if (reply == null) {
            throw SharedSocket.noReply(spec, timeout);
        }
        return reply;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (requester != null) {
                requester.shutdown();
            }
        }
        socket.close();
    }
}
