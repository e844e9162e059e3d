package dev.zmq.spring.test;

import dev.zmq.SocketOption;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.support.ReceivedMessage;
import dev.zmq.spring.support.TraceEnvelope;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the application sends on one of its sockets, as the harness's peer socket received it ({@link CapturedMessage}s,
 * without the trace envelope of a socket with propagation on): a thread of its own receives into a queue the test takes from. A PUB's messages are seen from the moment the capture's subscription
 * reached it (open the application's socket and the capture before the code under test publishes). Thread-safe;
 * {@link #close()} ends it (the harness closes every capture with the application).
 */
public final class Capture implements AutoCloseable {

    private final ZmqSocketSpec peer;
    private final ZmqMessageConverter converter;
    private final Duration timeout;
    private final BlockingQueue<CapturedMessage> received = new LinkedBlockingQueue<>();
    private final Runnable onClose;
    private final CountDownLatch opened = new CountDownLatch(1);
    private final Thread receiver;
    private volatile boolean closed;
    private volatile @Nullable RuntimeException failure;

    /** @param onClose runs once the capture's socket is closed (hands a taken-over endpoint back) */
    Capture(ZmqSocketSpec peer, ZmqContext context, ZmqMessageConverter converter, Duration timeout,
            Runnable onClose) {
        this.peer = peer;
        this.onClose = onClose;
        this.converter = converter;
        this.timeout = timeout;
        this.receiver = new Thread(() -> receive(context), peer.name());
        receiver.setDaemon(true);
        receiver.start();
        await(opened);
        if (failure != null) {
            throw failure;
        }
    }

    private void receive(ZmqContext context) {
        ZmqSocket socket;
        try {
            socket = peer.open(context);
            socket.set(SocketOption.LINGER, Duration.ZERO);
        } catch (RuntimeException e) {
            failure = e;
            opened.countDown();
            return;
        }
        opened.countDown();
        try (socket) {
            while (!closed) {
                ZmqMessage m = socket.recv(Duration.ofMillis(50));
                if (m != null) {
                    ReceivedMessage split = ReceivedMessage.split(m, peer.type());
                    ReceivedMessage r = peer.propagation() ? TraceEnvelope.open(split).message() : split;
                    received.add(new CapturedMessage(r.topic(), r.routingId(), r.body(), m));
                }
            }
        }
    }

    /**
     * The next message not yet taken, taken apart as its socket frames it (a ROUTER's routing id in the envelope, a
     * SUB's topic).
     *
     * @throws AssertionError when none comes within the harness's timeout
     */
    public CapturedMessage next() {
        try {
            CapturedMessage m = received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("nothing sent on socket '" + peer.name().substring("harness:".length())
                        + "' within " + timeout.toMillis() + " ms");
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The next message's body converted to {@code type}, as a listener's payload would be. */
    public <T> T next(Class<T> type) {
        return converter.fromZmqMessage(ZmqMessage.of(next().body()), type);
    }

    /** Messages received and not yet taken. */
    public int pending() {
        return received.size();
    }

    /** Stops receiving, closes the peer socket and hands back an endpoint it took over. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            receiver.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onClose.run();
    }

    private void await(CountDownLatch latch) {
        try {
            if (!latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError("capture of '" + peer.name() + "' did not open within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
