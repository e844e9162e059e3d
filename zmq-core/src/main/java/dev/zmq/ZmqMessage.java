package dev.zmq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A whole ZeroMQ message: one or more frames that travel and arrive together, never in part.
 *
 * <p>Immutable and thread-safe once built. Build one with {@link #of(String...)}, {@link #of(byte[]...)} or
 * {@link #builder()}.
 */
public final class ZmqMessage {

    /** The frames of a multipart message; {@code null} for a single-frame one, whose bytes are {@link #body}. */
    private final Frame @Nullable [] frames;
    /**
     * The bytes of a single-frame message, held without a {@link Frame} (the common case on the hot path); {@code null}
     * exactly when {@link #frames} is not.
     */
    private final byte @Nullable [] body;
    private final Map<String, String> properties;
    private final @Nullable String group;
    private final int routingId;

    private ZmqMessage(Frame[] frames) {
        this(frames, Map.of(), null, 0);
    }

    private ZmqMessage(Frame[] frames, Map<String, String> properties, @Nullable String group, int routingId) {
        if (frames.length == 0) {
            throw new IllegalArgumentException("a message needs at least one frame");
        }
        this.frames = frames.length == 1 ? null : frames;
        this.body = frames.length == 1 ? frames[0].data() : null;
        this.properties = properties;
        this.group = group;
        this.routingId = routingId;
    }

    private ZmqMessage(byte[] body, Map<String, String> properties, @Nullable String group, int routingId) {
        this.frames = null;
        this.body = Objects.requireNonNull(body, "body");
        this.properties = properties;
        this.group = group;
        this.routingId = routingId;
    }

    /** The same frames with other properties, group or routing id. */
    private ZmqMessage with(Map<String, String> newProperties, @Nullable String newGroup, int newRoutingId) {
        return frames == null ? new ZmqMessage(single(), newProperties, newGroup, newRoutingId)
                : new ZmqMessage(frames, newProperties, newGroup, newRoutingId);
    }

    /**
     * A message as received from a connection, carrying that connection's {@code properties} (shared by all its
     * messages, not copied): {@code User-Id}, {@code Peer-Address} and the peer's handshake metadata.
     */
    public static ZmqMessage received(List<Frame> frames, Map<String, String> properties) {
        return new ZmqMessage(frames.toArray(new Frame[0]), properties, null, 0);
    }

    /** A single-frame message of {@code body} as received from a connection; see {@link #received(List, Map)}. */
    public static ZmqMessage received(byte[] body, Map<String, String> properties) {
        return new ZmqMessage(body, properties, null, 0);
    }

    /** A message of {@code frames} received through the same connection as this one (its properties kept). */
    public ZmqMessage withFrames(List<Frame> newFrames) {
        return new ZmqMessage(newFrames.toArray(new Frame[0]), properties, group, routingId);
    }

    /**
     * This message addressed to {@code group}, for a RADIO socket (groups are matched exactly by DISH sockets);
     * {@code null} for none.
     *
     * @throws IllegalArgumentException when the group is longer than 255 UTF-8 bytes
     */
    public ZmqMessage withGroup(@Nullable String newGroup) {
        if (newGroup != null && newGroup.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("a group is at most 255 bytes: '" + newGroup + "'");
        }
        return with(properties, newGroup, routingId);
    }

    /** The group a DISH received this message for, or the group a RADIO sends it to; {@code null} when none. */
    public @Nullable String group() {
        return group;
    }

    /**
     * This message addressed to the peer with {@code id} (SERVER, PEER). Ids are what {@link #routingId()} of a
     * received message says, or what {@code ZmqSocket.connectPeer} returned; 0 means none.
     */
    public ZmqMessage withRoutingId(int id) {
        return with(properties, group, id);
    }

    /** The routing id of the peer a SERVER or PEER received this message from, or 0 when none. */
    public int routingId() {
        return routingId;
    }

    /**
     * A property of the connection the message came through, as libzmq's {@code zmq_msg_gets}: {@code User-Id}
     * (who the ZAP handler authenticated), {@code Peer-Address}, {@code Socket-Type}, {@code Identity}, or any other
     * handshake metadata; {@code null} when absent (and always for messages not received over a connection).
     */
    public @Nullable String property(String name) {
        return properties.get(name);
    }

    /** A message of the given frames; at least one is required. */
    public static ZmqMessage of(Frame... frames) {
        return new ZmqMessage(frames.clone());
    }

    /** A message of the given frames; at least one is required. */
    public static ZmqMessage of(List<Frame> frames) {
        return new ZmqMessage(frames.toArray(new Frame[0]));
    }

    /** A message whose frames are the UTF-8 bytes of each string. */
    public static ZmqMessage of(String... frames) {
        Frame[] f = new Frame[frames.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = Frame.of(frames[i]);
        }
        return new ZmqMessage(f);
    }

    /** A single-frame message wrapping {@code data}, without copying (no varargs array on the way). */
    public static ZmqMessage of(byte[] data) {
        return new ZmqMessage(data, Map.of(), null, 0);
    }

    /** A message whose frames wrap each array, without copying. */
    public static ZmqMessage of(byte[]... frames) {
        Frame[] f = new Frame[frames.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = Frame.wrap(frames[i]);
        }
        return new ZmqMessage(f);
    }

    /** A builder that appends frames in order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of frames. */
    public int size() {
        return frames == null ? 1 : frames.length;
    }

    /** The frame at {@code index}. */
    public Frame frame(int index) {
        if (frames == null) {
            if (index != 0) {
                throw new IndexOutOfBoundsException("frame " + index + " of a single-frame message");
            }
            return Frame.wrap(single());
        }
        return frames[index];
    }

    /**
     * The bytes of the frame at {@code index}, as {@code frame(index).data()} without a {@link Frame} on the way;
     * the array is shared, do not modify it.
     */
    public byte[] data(int index) {
        return frames == null && index == 0 ? single() : frame(index).data();
    }

    /** The first frame (the topic, for PUB/SUB). */
    public Frame first() {
        return frame(0);
    }

    /** The last frame (the body, by convention). */
    public Frame last() {
        return frames == null ? Frame.wrap(single()) : frames[frames.length - 1];
    }

    /** All frames, as an unmodifiable list. */
    public List<Frame> frames() {
        return frames == null ? List.of(Frame.wrap(single())) : Collections.unmodifiableList(Arrays.asList(frames));
    }

    /**
     * The bytes of a single-frame message that carries nothing else (no connection properties, group or routing
     * id), or {@code null}: such a message is wholly its bytes, so a queue may hold just them ({@link #of(byte[])}
     * makes it again). The array is shared, do not modify it.
     */
    public byte @Nullable [] bareBody() {
        return frames == null && group == null && routingId == 0 && properties.isEmpty() ? body : null;
    }

    /** The bytes of a single-frame message (one whose {@link #frames} is {@code null}). */
    private byte[] single() {
        return Objects.requireNonNull(body, "a single-frame message has a body");
    }

    /** Sum of the frame sizes in bytes. */
    public long byteSize() {
        if (frames == null) {
            return single().length;
        }
        long total = 0;
        for (Frame f : frames) {
            total += f.size();
        }
        return total;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ZmqMessage other && frames().equals(other.frames()) && routingId == other.routingId
                && Objects.equals(group, other.group);
    }

    @Override
    public int hashCode() {
        return frames().hashCode();
    }

    @Override
    public String toString() {
        return "ZmqMessage" + (group != null ? "(group " + group + ")" : "")
                + (routingId != 0 ? "(routing id " + Integer.toUnsignedString(routingId) + ")" : "")
                + frames();
    }

    /** Appends frames and builds a {@link ZmqMessage}; not thread-safe. */
    public static final class Builder {
        private final List<Frame> frames = new ArrayList<>(4);

        private Builder() {
        }

        /** Appends a frame. */
        public Builder add(Frame frame) {
            frames.add(frame);
            return this;
        }

        /** Appends a frame wrapping {@code data} (not copied). */
        public Builder add(byte[] data) {
            return add(Frame.wrap(data));
        }

        /** Appends the UTF-8 bytes of {@code text}. */
        public Builder add(String text) {
            return add(Frame.of(text));
        }

        /** Number of frames appended so far. */
        public int size() {
            return frames.size();
        }

        /** The message; throws {@link IllegalArgumentException} when no frame was added. */
        public ZmqMessage build() {
            return of(frames);
        }
    }
}
