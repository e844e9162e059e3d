package dev.zmq.spring.core;

import dev.zmq.ErrorCode;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.config.OptionValue;
import dev.zmq.spring.config.ZmqSocketSpec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A socket shared through a lock, held only to queue one message (the I/O runs in the context's I/O threads), or,
 * for a REQ request, until its reply arrives or times out: REQ is lock-step, so its requests run one at a time.
 * Thread-safe.
 */
final class LockedSocket implements SharedSocket {

    private final ReentrantLock lock = new ReentrantLock();
    private final ZmqSocketSpec spec;
    private final ZmqSocket socket;

    LockedSocket(ZmqSocketSpec spec, ZmqContext context) {
        this.spec = spec;
        ZmqSocketSpec opened = spec.type() != SocketType.REQ ? spec : spec.withOptions(List.of(
                new OptionValue<>(SocketOption.REQ_RELAXED, true),
                new OptionValue<>(SocketOption.REQ_CORRELATE, true)));
        this.socket = opened.open(context);
    }

    @Override
    public void send(ZmqMessage message) {
        lock.lock();
        try {
            socket.send(message);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ZmqMessage request(ZmqMessage request, Duration timeout) {
        if (spec.type() != SocketType.REQ) {
            throw new ZmqException(ErrorCode.ENOTSUP, "sendAndReceive needs a REQ or DEALER socket; '" + spec.name()
                    + "' is " + spec.type());
        }
        lock.lock();
        try {
            socket.send(request);
            return awaitReply(timeout);
        } finally {
            lock.unlock();
        }
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
        socket.close();
    }
}
