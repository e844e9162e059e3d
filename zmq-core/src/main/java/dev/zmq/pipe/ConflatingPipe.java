package dev.zmq.pipe;

import dev.zmq.ZmqMessage;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A CONFLATE pipe: it holds at most one message, the latest; a write replaces what the reader has not taken, so
 * writes never wait (no HWM).
 *
 * <p>Thread-safety as {@link Pipe}: one writer, one reader.
 */
final class ConflatingPipe extends Pipe {

    private final AtomicReference<ZmqMessage> latest = new AtomicReference<>();

    ConflatingPipe() {
        super(0);
    }

    @Override
    void append(ZmqMessage message) {
        latest.set(message);
        countWrite();
    }

    @Override
    boolean take(Received into) {
        return into.whole(latest.getAndSet(null));
    }

    @Override
    public boolean isEmpty() {
        return latest.get() == null;
    }

    @Override
    public int depth() {
        return latest.get() == null ? 0 : 1;
    }
}
