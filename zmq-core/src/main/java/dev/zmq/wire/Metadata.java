package dev.zmq.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ZMTP metadata: the name/value properties of READY (and INITIATE). Names are case-insensitive (RFC 37).
 *
 * <p>Immutable and thread-safe. {@link #decode(byte[], int)} throws {@link ProtocolException} for truncated or
 * malformed properties.
 */
public final class Metadata {

    public static final String SOCKET_TYPE = "Socket-Type";
    public static final String IDENTITY = "Identity";

    private final Map<String, byte[]> properties;

    private Metadata(Map<String, byte[]> properties) {
        this.properties = Collections.unmodifiableMap(properties);
    }

    /** Metadata with the given properties, kept in insertion order. */
    public static Metadata of(Map<String, byte[]> properties) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        properties.forEach((k, v) -> copy.put(k, v.clone()));
        return new Metadata(copy);
    }

    /** The value of property {@code name} (any case), or {@code null}. */
    public byte @Nullable [] get(String name) {
        for (Map.Entry<String, byte[]> e : properties.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().clone();
            }
        }
        return null;
    }

    /** The value of property {@code name} as text, or {@code null}. */
    public @Nullable String getText(String name) {
        byte[] v = get(name);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    /** All properties; names as the peer spelled them. */
    public Map<String, byte[]> asMap() {
        return properties;
    }

    /** Encoded length. */
    public int encodedSize() {
        int n = 0;
        for (Map.Entry<String, byte[]> e : properties.entrySet()) {
            n += 1 + e.getKey().length() + 4 + e.getValue().length;
        }
        return n;
    }

    /** Writes the properties in wire form. */
    public void encode(ByteBuffer out) {
        properties.forEach((name, value) -> out.put((byte) name.length())
                .put(name.getBytes(StandardCharsets.US_ASCII)).putInt(value.length).put(value));
    }

    /** Encodes to a new array. */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(encodedSize());
        encode(b);
        return b.array();
    }

    /** Decodes properties from {@code data} starting at {@code offset}. */
    public static Metadata decode(byte[] data, int offset) {
        Map<String, byte[]> props = new LinkedHashMap<>();
        int i = offset;
        while (i < data.length) {
            int nameLength = data[i] & 0xFF;
            if (nameLength == 0 || i + 1 + nameLength + 4 > data.length) {
                throw new ProtocolException("malformed metadata property at byte " + i);
            }
            String name = new String(data, i + 1, nameLength, StandardCharsets.US_ASCII);
            i += 1 + nameLength;
            int valueLength = ByteBuffer.wrap(data, i, 4).getInt();
            i += 4;
            if (valueLength < 0 || valueLength > data.length - i) {
                throw new ProtocolException("metadata property " + name + " claims " + valueLength + " bytes");
            }
            byte[] value = new byte[valueLength];
            System.arraycopy(data, i, value, 0, valueLength);
            i += valueLength;
            props.put(name, value);
        }
        return new Metadata(props);
    }
}
