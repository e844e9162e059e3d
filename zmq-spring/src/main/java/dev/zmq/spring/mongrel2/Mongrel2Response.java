package dev.zmq.spring.mongrel2;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response for Mongrel2 to pass to a client as it is: a status line, headers and a body sized by
 * {@code Content-Length} (which this class writes; a {@code Content-Length} header given here is ignored). Immutable:
 * {@link #header} and {@link #body} return new responses. Address it with {@link Mongrel2Request#reply} or
 * {@link Mongrel2Reply#of}.
 */
public final class Mongrel2Response {

    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(202, "Accepted"), Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Found"), Map.entry(303, "See Other"), Map.entry(304, "Not Modified"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
            Map.entry(413, "Content Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private final int status;
    private final String reason;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;

    private Mongrel2Response(int status, String reason, List<Map.Entry<String, String>> headers, byte[] body) {
        this.status = status;
        this.reason = reason;
        this.headers = headers;
        this.body = body;
    }

    /**
     * A response with {@code status} (100 to 999), its usual reason phrase, no headers and no body.
     *
     * @throws IllegalArgumentException for a status out of range
     */
    public static Mongrel2Response status(int status) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("HTTP status " + status + " is not three digits");
        }
        return new Mongrel2Response(status, REASONS.getOrDefault(status, "Status " + status), List.of(), new byte[0]);
    }

    /** 200 with {@code text} as {@code text/plain; charset=utf-8}. */
    public static Mongrel2Response ok(String text) {
        return status(200).header("Content-Type", "text/plain; charset=utf-8").body(text);
    }

    /** This response with header {@code name: value} added after the others (a header may repeat). */
    public Mongrel2Response header(String name, String value) {
        check(name, "name");
        check(value, "value");
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new Mongrel2Response(status, reason, List.copyOf(more), body);
    }

    /** This response with {@code body} (not copied). */
    public Mongrel2Response body(byte[] bytes) {
        return new Mongrel2Response(status, reason, headers, bytes);
    }

    /** This response with {@code text} as its UTF-8 body. */
    public Mongrel2Response body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public int status() {
        return status;
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The body; not copied. */
    public byte[] body() {
        return body;
    }

    /** The response as HTTP/1.1 bytes: status line, headers, {@code Content-Length}, blank line, body. */
    public byte[] toHttp() {
        StringBuilder head = new StringBuilder(128).append("HTTP/1.1 ").append(status).append(' ').append(reason)
                .append("\r\n");
        for (Map.Entry<String, String> h : headers) {
            if (!h.getKey().equalsIgnoreCase("Content-Length")) {
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void check(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || (what.equals("name") && (c == ':' || c == ' '))) {
                throw new IllegalArgumentException("an HTTP header " + what + " cannot hold "
                        + (c == '\r' ? "CR" : c == '\n' ? "LF" : "'" + c + "'") + ": " + text);
            }
        }
        if (what.equals("name") && text.isEmpty()) {
            throw new IllegalArgumentException("an HTTP header name cannot be empty");
        }
    }

    @Override
    public String toString() {
        return "Mongrel2Response[" + status + " " + reason + ", " + headers.size() + " headers, " + body.length
                + " bytes]";
    }
}
