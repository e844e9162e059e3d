package dev.zmq.pipe;

import dev.zmq.ZmqMessage;

import java.util.Map;

/**
 * The pipe between a socket and an engine: a lock-free queue of messages, a bare one (see
 * {@link ZmqMessage#bareBody()}) held as its bytes alone so that a backlog holds no message objects for the garbage
 * collector to copy, and the writer makes none for what it decodes.
 *
 * <p>Thread-safety as {@link Pipe}: one writer, one reader.
 */
sealed class BoundedPipe extends Pipe permits SwappingPipe {

    /** Queued (uncounted) before the bare messages of a connection whose properties differ from the last one's. */
    private record PropertiesChange(Map<String, String> properties) {
    }

    /** Bare bodies ({@code byte[]}), whole messages and {@link PropertiesChange}s, in order; private to this pipe. */
    private final SpscQueue<Object> queue = new SpscQueue<>();
    /** The properties of bare messages: as the writer last queued them, and as the reader has reached them. */
    private Map<String, String> writerProperties = Map.of();
    private Map<String, String> readerProperties = Map.of();

    BoundedPipe(int hwm) {
        super(hwm);
    }

    /** Queued as the bytes alone, so the writer makes no message object; the reader gets them as a bare message. */
    @Override
    public boolean offerQuietly(byte[] body, Map<String, String> properties) {
        if (!roomOrWaiting()) {
            return false;
        }
        if (properties != writerProperties) {
            queue.offer(new PropertiesChange(properties));
            writerProperties = properties;
        }
        queue.offer(body);
        countWrite();
        return true;
    }

    @Override
    void append(ZmqMessage message) {
        byte[] bare = message.bareBody();
        queue.offer(bare != null ? bare : message);
        countWrite();
    }

    @Override
    boolean take(Received into) {
        Object e = queue.poll();
        while (e instanceof PropertiesChange change) {
            readerProperties = change.properties();
            e = queue.poll();
        }
        if (e instanceof byte[] body) {
            into.bare(body, readerProperties);
            return true;
        }
        if (e instanceof ZmqMessage message) {
            into.whole(message);
            return true;
        }
        return false;
    }

    @Override
    public boolean isEmpty() {
        return queue.isEmpty();
    }
}
