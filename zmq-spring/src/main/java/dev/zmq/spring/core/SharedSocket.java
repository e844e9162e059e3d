package dev.zmq.spring.core;

import dev.zmq.ErrorCode;
import dev.zmq.Frame;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.config.OptionValue;
import dev.zmq.spring.config.ZmqSocketSpec;
import dev.zmq.spring.support.ReceivedMessage;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One socket made safe to share between threads: a lock held only to queue one message (the I/O runs in the
 * context's I/O threads), or, for request-reply over REQ or DEALER, until the reply arrives or times out, so requests
 * over one socket run one at a time. Used by {@link ZmqTemplate} and the Spring Integration components.
 *
 * <p>Thread-safe. Throws {@link ZmqException} as the socket does (EAGAIN on a send or reply timeout).
 */
public final class SharedSocket implements AutoCloseable {

    private final AtomicLong correlation = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final ZmqSocketSpec spec;
    private final ZmqSocket socket;

    /** Opens the socket {@code spec} describes in {@code context}. */
    public SharedSocket(ZmqSocketSpec spec, ZmqContext context) {
        this.spec = spec;
        ZmqSocketSpec opened = spec.type() != SocketType.REQ ? spec : spec.withOptions(List.of(
                new OptionValue<>(SocketOption.REQ_RELAXED, true),
                new OptionValue<>(SocketOption.REQ_CORRELATE, true)));
        this.socket = opened.open(context);
    }

    /** Sends {@code message}, waiting as SNDTIMEO allows. */
    public void send(ZmqMessage message) {
        lock.lock();
        try {
            socket.send(message);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends {@code request} and waits for its reply (REQ: lock-step; DEALER: a correlation frame and an empty
     * delimiter go first, as REP and ROUTER peers expect and echo, and stale replies are skipped).
     *
     * @return the reply's body frames
     * @throws ZmqException EAGAIN when no reply comes within {@code timeout}; ENOTSUP for other socket types
     */
    public ZmqMessage request(ZmqMessage request, Duration timeout) {
        lock.lock();
        try {
            return switch (spec.type()) {
                case REQ -> {
                    socket.send(request);
                    yield awaitReply(timeout, null);
                }
                case DEALER -> {
                    byte[] id = ByteBuffer.allocate(8).putLong(correlation.incrementAndGet()).array();
                    ZmqMessage.Builder b = ZmqMessage.builder().add(Frame.wrap(id)).add(Frame.EMPTY);
                    request.frames().forEach(b::add);
                    socket.send(b.build());
                    yield awaitReply(timeout, id);
                }
                default -> throw new ZmqException(ErrorCode.ENOTSUP, "sendAndReceive needs a REQ or DEALER "
                        + "socket; '" + spec.name() + "' is " + spec.type());
            };
        } finally {
            lock.unlock();
        }
    }

    private ZmqMessage awaitReply(Duration timeout, byte[] correlationId) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ZmqMessage reply = left > 0 ? socket.recv(Duration.ofNanos(left)) : null;
            if (reply == null) {
                throw new ZmqException(ErrorCode.EAGAIN, "no reply on socket '" + spec.name() + "' ("
                        + spec.type() + ") within " + timeout.toMillis() + " ms");
            }
            if (correlationId == null) {
                return reply;
            }
            ReceivedMessage r = ReceivedMessage.split(reply, SocketType.ROUTER);
            if (Arrays.equals(r.routingId(), correlationId)) {
                return ZmqMessage.of(r.body());
            }
        }
    }

    /** The socket's specification. */
    public ZmqSocketSpec spec() {
        return spec;
    }

    /** Closes the socket; queued messages are still sent within LINGER. */
    @Override
    public void close() {
        socket.close();
    }
}
