package dev.zmq.pipe;

import dev.zmq.ZmqMessage;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a reader took from a {@link Pipe}, typed: the body of a bare message alone (the common single-frame message
 * an engine delivered, held as its bytes so the backlog has no message objects) or a whole message. One per reader,
 * reused for every message; {@link #clear()} it once read, so an idle reader holds no message.
 *
 * <p>Not thread-safe: its reader's thread only.
 */
public final class Received {

    private byte @Nullable [] body;
    private Map<String, String> properties = Map.of();
    private @Nullable ZmqMessage message;

    /** Holds a bare message: its {@code body}, received over a connection with {@code connectionProperties}. */
    void bare(byte[] bareBody, Map<String, String> connectionProperties) {
        this.body = bareBody;
        this.properties = connectionProperties;
        this.message = null;
    }

    /**
     * Holds a whole message; also for a reader handing its own messages over.
     *
     * @return whether there was one ({@code null} clears)
     */
    public boolean whole(@Nullable ZmqMessage wholeMessage) {
        this.message = wholeMessage;
        this.body = null;
        return wholeMessage != null;
    }

    /** The body of the message held when it is bare, else {@code null} (a whole message, or nothing). */
    public byte @Nullable [] bareBody() {
        return body;
    }

    /** The message held (a bare one made into a message with its connection's properties), or {@code null}. */
    public @Nullable ZmqMessage message() {
        return body != null ? ZmqMessage.received(body, properties) : message;
    }

    /** The message held, as {@link #message()}, and forgets it; {@code null} when none. */
    public @Nullable ZmqMessage take() {
        ZmqMessage m = message();
        clear();
        return m;
    }

    /**
     * The first frame's bytes of the message held (for subscription filters), without making a message; only while
     * one is held.
     */
    public byte[] firstFrame() {
        return body != null ? body : Objects.requireNonNull(message, "no message held").data(0);
    }

    /** Forgets the message held. */
    public void clear() {
        body = null;
        message = null;
    }
}
