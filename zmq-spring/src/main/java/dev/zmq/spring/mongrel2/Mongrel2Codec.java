package dev.zmq.spring.mongrel2;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mongrel2's handler protocol, one frame each way.
 *
 * <p>A request is {@code UUID CONN_ID PATH HEADERS BODY}: three tokens ended by a space, then the headers as a
 * netstring of a JSON object ({@code SIZE:{...},}) or as a tnetstring dictionary ({@code SIZE:...}}), then the body
 * as a netstring ({@code SIZE:BYTES,}), ending the frame. A reply is {@code UUID SIZE:CONN_IDS, PAYLOAD}: the
 * connection ids separated by spaces, in a netstring; an empty payload closes the connections.
 *
 * <p>Stateless and thread-safe. {@link #parse} checks everything it reads and throws
 * {@link Mongrel2ProtocolException} with the reason, never anything else.
 */
public final class Mongrel2Codec {

    /** Mongrel2 takes at most this many connection ids in one reply. */
    public static final int MAX_CONNECTIONS_PER_REPLY = 128;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Mongrel2Codec() {
    }

    /**
     * Reads a request frame.
     *
     * @throws Mongrel2ProtocolException when the frame is not a Mongrel2 request, with the sender if it named one
     */
    public static Mongrel2Request parse(byte[] frame) {
        int senderEnd = token(frame, 0, null, "sender UUID");
        String sender = ascii(frame, 0, senderEnd);
        int connEnd = token(frame, senderEnd + 1, sender, "connection id");
        String connectionId = ascii(frame, senderEnd + 1, connEnd);
        if (!digits(connectionId)) {
            throw new Mongrel2ProtocolException(sender, "connection id '" + connectionId + "' is not a number");
        }
        int pathEnd = token(frame, connEnd + 1, sender, "path");
        String path = new String(frame, connEnd + 1, pathEnd - connEnd - 1, StandardCharsets.UTF_8);
        try {
            int headersAt = pathEnd + 1;
            int headersLength = Tnetstrings.length(frame, headersAt, frame.length);
            int headersStart = Tnetstrings.dataStart(frame, headersAt);
            int headersEnd = headersStart + headersLength;
            Map<String, List<String>> headers = switch (frame[headersEnd]) {
                case ',' -> jsonHeaders(frame, headersStart, headersLength);
                case '}' -> tnetstringHeaders(frame, headersAt, headersEnd + 1);
                default -> throw new IllegalArgumentException("the headers end in '"
                        + Tnetstrings.printable(frame[headersEnd]) + "', not ',' (JSON) or '}' (tnetstring)");
            };
            int bodyAt = headersEnd + 1;
            if (bodyAt >= frame.length) {
                throw new IllegalArgumentException("no body after the headers");
            }
            int bodyLength = Tnetstrings.length(frame, bodyAt, frame.length);
            int bodyStart = Tnetstrings.dataStart(frame, bodyAt);
            int bodyEnd = bodyStart + bodyLength;
            if (frame[bodyEnd] != ',') {
                throw new IllegalArgumentException("the body's netstring ends in '" + Tnetstrings.printable(frame[bodyEnd])
                        + "', not ','");
            }
            if (bodyEnd + 1 != frame.length) {
                throw new IllegalArgumentException((frame.length - bodyEnd - 1) + " bytes after the body");
            }
            byte[] body = Arrays.copyOfRange(frame, bodyStart, bodyEnd);
            boolean disconnect = false;
            List<String> method = headers.get("METHOD");
            if (method != null && method.contains("JSON")) {
                disconnect = disconnect(body);
            }
            List<String> start = headers.get(Mongrel2Request.UPLOAD_START);
            List<String> done = headers.get(Mongrel2Request.UPLOAD_DONE);
            if (done != null && (start == null || !start.equals(done))) {
                throw new IllegalArgumentException("upload-done " + done + " does not match upload-start " + start);
            }
            return new Mongrel2Request(sender, connectionId, path, headers, body, disconnect);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new Mongrel2ProtocolException(sender, "connection " + connectionId + " " + path + ": "
                    + e.getMessage());
        }
    }

    /**
     * The reply frame sending {@code payload} to {@code connectionIds} of server {@code sender}.
     *
     * @throws IllegalArgumentException when the sender is empty or holds a space, there are no ids or more than
     *     {@value #MAX_CONNECTIONS_PER_REPLY}, or an id is not a number
     */
    public static byte[] reply(String sender, List<String> connectionIds, byte[] payload) {
        if (sender.isEmpty() || sender.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("a Mongrel2 sender UUID is not empty and has no space: '" + sender + "'");
        }
        if (connectionIds.isEmpty() || connectionIds.size() > MAX_CONNECTIONS_PER_REPLY) {
            throw new IllegalArgumentException("a Mongrel2 reply names 1 to " + MAX_CONNECTIONS_PER_REPLY
                    + " connections, not " + connectionIds.size());
        }
        for (String id : connectionIds) {
            if (!digits(id)) {
                throw new IllegalArgumentException("connection id '" + id + "' is not a number");
            }
        }
        byte[] ids = String.join(" ", connectionIds).getBytes(StandardCharsets.US_ASCII);
        byte[] head = (sender + " " + ids.length + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[head.length + ids.length + 2 + payload.length];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(ids, 0, frame, head.length, ids.length);
        frame[head.length + ids.length] = ',';
        frame[head.length + ids.length + 1] = ' ';
        System.arraycopy(payload, 0, frame, head.length + ids.length + 2, payload.length);
        return frame;
    }

    /** The end of the space-ended, non-empty token at {@code from}. */
    private static int token(byte[] frame, int from, @Nullable String sender, String what) {
        int i = from;
        while (i < frame.length && frame[i] != ' ') {
            if (frame[i] < 0x21 && frame[i] >= 0) {
                throw new Mongrel2ProtocolException(sender, "the " + what + " holds byte "
                        + Tnetstrings.printable(frame[i]));
            }
            i++;
        }
        if (i == frame.length) {
            throw new Mongrel2ProtocolException(sender, "the frame ends before the " + what + " does (" + frame.length
                    + " bytes)");
        }
        if (i == from) {
            throw new Mongrel2ProtocolException(sender, "the " + what + " is empty");
        }
        return i;
    }

    private static String ascii(byte[] frame, int from, int to) {
        return new String(frame, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<String>> jsonHeaders(byte[] frame, int start, int length) {
        JsonNode tree;
        try {
            tree = JSON.readTree(frame, start, length);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the headers are not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("the headers are not a JSON object");
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, JsonNode> e : tree.properties()) {
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> values = new ArrayList<>(v.size());
                for (JsonNode item : v.values()) {
                    values.add(scalar(e.getKey(), item));
                }
                add(headers, e.getKey(), values);
            } else {
                add(headers, e.getKey(), List.of(scalar(e.getKey(), v)));
            }
        }
        return Collections.unmodifiableMap(headers);
    }

    private static String scalar(String name, JsonNode v) {
        if (v.isString()) {
            return v.stringValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asString();
        }
        throw new IllegalArgumentException("header '" + name + "' is a JSON " + v.getNodeType());
    }

    private static Map<String, List<String>> tnetstringHeaders(byte[] frame, int from, int to) {
        Object value = Tnetstrings.parseWhole(frame, from, to);
        if (!(value instanceof Map<?, ?> dictionary)) {
            throw new IllegalArgumentException("the headers are not a tnetstring dictionary");
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<?, ?> e : dictionary.entrySet()) {
            String name = (String) e.getKey();
            if (e.getValue() instanceof List<?> items) {
                List<String> values = new ArrayList<>(items.size());
                for (Object item : items) {
                    values.add(scalar(name, item));
                }
                add(headers, name, values);
            } else {
                add(headers, name, List.of(scalar(name, e.getValue())));
            }
        }
        return Collections.unmodifiableMap(headers);
    }

    private static String scalar(String name, Object v) {
        if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v.toString();
        }
        throw new IllegalArgumentException("header '" + name + "' is a tnetstring "
                + (v instanceof Map ? "dictionary" : v == Tnetstrings.NULL ? "null" : "list"));
    }

    private static void add(Map<String, List<String>> headers, String name, List<String> values) {
        headers.merge(name, List.copyOf(values), (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        });
    }

    /** Whether a JSON message's body says {@code "type": "disconnect"}; a body that is not JSON is refused. */
    private static boolean disconnect(byte[] body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the JSON message's body is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("the JSON message's body is not a JSON object");
        }
        JsonNode type = tree.get("type");
        return type != null && type.isString() && "disconnect".equals(type.stringValue());
    }
}
