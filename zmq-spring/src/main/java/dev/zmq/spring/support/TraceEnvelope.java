package dev.zmq.spring.support;

import dev.zmq.Frame;
import dev.zmq.ZmqMessage;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frame that carries trace context (W3C {@code traceparent}, {@code tracestate}, {@code baggage}: whatever the
 * tracer's propagator writes) between applications, on sockets with {@code propagation} on. ZMTP has no message
 * headers, so it is the first body frame: after a PUB's topic and a request's envelope, before the payload.
 *
 * <p>Format, version 1: the four bytes {@code ZTRC}, the version byte {@code 0x01}, then per header a key length
 * (1 byte), the key (ASCII), a value length (2 bytes, big-endian) and the value (UTF-8). A frame that does not parse
 * exactly so is not an envelope and stays payload, so nothing is lost. Stateless; thread-safe.
 */
public final class TraceEnvelope {

    private static final byte[] MAGIC = {'Z', 'T', 'R', 'C'};
    private static final byte VERSION = 1;

    private TraceEnvelope() {
    }

    /** A received message without its envelope, and the headers the envelope carried (none when it had none). */
    public record Opened(ReceivedMessage message, Map<String, String> headers) {
    }

    /**
     * {@code body} with an envelope of {@code headers} in front; {@code body} itself when there are none.
     *
     * @throws IllegalArgumentException for a key over 255 bytes or a value over 65,535
     */
    public static ZmqMessage prepend(Map<String, String> headers, ZmqMessage body) {
        if (headers.isEmpty()) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(MAGIC);
        out.write(VERSION);
        headers.forEach((k, v) -> {
            byte[] key = k.getBytes(StandardCharsets.US_ASCII);
            byte[] value = v.getBytes(StandardCharsets.UTF_8);
            if (key.length > 255 || value.length > 65535) {
                throw new IllegalArgumentException("trace header '" + k + "' too long for the envelope");
            }
            out.write(key.length);
            out.writeBytes(key);
            out.write(value.length >>> 8);
            out.write(value.length & 0xff);
            out.writeBytes(value);
        });
        List<Frame> frames = new ArrayList<>(body.size() + 1);
        frames.add(Frame.wrap(out.toByteArray()));
        frames.addAll(body.frames());
        return body.withFrames(frames);
    }

    /** {@code m} without the envelope its body starts with, if it has one and more frames follow it. */
    public static Opened open(ReceivedMessage m) {
        if (m.body().size() < 2) {
            return new Opened(m, Map.of());
        }
        Map<String, String> headers = decode(m.body().get(0).data());
        if (headers == null) {
            return new Opened(m, Map.of());
        }
        List<Frame> frames = new ArrayList<>(m.raw().frames());
        frames.remove(m.envelope().size() + (m.topic() != null ? 1 : 0));
        ReceivedMessage without = new ReceivedMessage(m.envelope(), m.topic(), m.body().subList(1, m.body().size()),
                m.raw().withFrames(frames));
        return new Opened(without, headers);
    }

    /** The headers of an envelope frame, or {@code null} when {@code frame} is not exactly one. */
    static @Nullable Map<String, String> decode(byte[] frame) {
        if (frame.length < MAGIC.length + 1 || frame[MAGIC.length] != VERSION) {
            return null;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (frame[i] != MAGIC[i]) {
                return null;
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int at = MAGIC.length + 1;
        while (at < frame.length) {
            int keyLength = frame[at++] & 0xff;
            if (at + keyLength + 2 > frame.length) {
                return null;
            }
            String key = new String(frame, at, keyLength, StandardCharsets.US_ASCII);
            at += keyLength;
            int valueLength = (frame[at] & 0xff) << 8 | (frame[at + 1] & 0xff);
            at += 2;
            if (at + valueLength > frame.length) {
                return null;
            }
            headers.put(key, new String(frame, at, valueLength, StandardCharsets.UTF_8));
            at += valueLength;
        }
        return headers;
    }
}
