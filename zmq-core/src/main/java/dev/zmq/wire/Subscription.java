package dev.zmq.wire;

import dev.zmq.ZmqMessage;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A subscription change as it travels between sockets: SUB/XSUB subscribe and cancel (RFC 29's message form
 * {@code 0x01}+topic / {@code 0x00}+topic, and ZMTP 3.1's SUBSCRIBE/CANCEL commands), DISH join and leave (JOIN/LEAVE
 * commands; the same message form inside the socket). The one place that writes and reads these formats.
 *
 * <p>Immutable (the topic array is not copied: do not change it) and thread-safe.
 *
 * @param on    {@code true} to subscribe or join, {@code false} to cancel or leave
 * @param topic the topic prefix or group name
 */
public record Subscription(boolean on, byte[] topic) {

    /** A subscription to {@code topic}, or its cancel. */
    public static Subscription of(boolean on, byte[] topic) {
        return new Subscription(on, topic);
    }

    /** The subscription {@code message} carries, or {@code null} when it is not one (one frame, 0 or 1, topic). */
    public static @Nullable Subscription parse(ZmqMessage message) {
        if (message.size() != 1 || message.first().isEmpty()) {
            return null;
        }
        byte[] d = message.data(0);
        if (d[0] != 0 && d[0] != 1) {
            return null;
        }
        byte[] topic = new byte[d.length - 1];
        System.arraycopy(d, 1, topic, 0, topic.length);
        return new Subscription(d[0] == 1, topic);
    }

    /** The subscription a command carries: {@code on} for SUBSCRIBE/JOIN, off for CANCEL/LEAVE. */
    public static Subscription of(Command command, boolean on) {
        return new Subscription(on, command.data());
    }

    /** The message form: {@code 0x01} (on) or {@code 0x00} (off), then the topic. */
    public ZmqMessage toMessage() {
        byte[] m = new byte[topic.length + 1];
        m[0] = (byte) (on ? 1 : 0);
        System.arraycopy(topic, 0, m, 1, topic.length);
        return ZmqMessage.of(m);
    }

    /** The command form: {@code subscribe} (SUBSCRIBE or JOIN) when on, {@code cancel} (CANCEL or LEAVE) when off. */
    public Command toCommand(String subscribe, String cancel) {
        return new Command(on ? subscribe : cancel, topic);
    }

    /** The topic as a DISH group name (UTF-8). */
    public String group() {
        return new String(topic, StandardCharsets.UTF_8);
    }
}
