package dev.zmq.spring.mongrel2;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One message Mongrel2 pushed to its handlers: an HTTP request, the notice that a client went away
 * ({@link #isDisconnect()}), another JSON message ({@link #isJson()}), or one of the two notices of a large upload
 * written to a file ({@link #isUploadStarted()}, {@link #isUploadDone()}). Made by {@link Mongrel2Codec#parse}.
 * Header names are matched without regard to case: Mongrel2 lower-cases the client's headers and writes its own
 * ({@code METHOD}, {@code PATH}, {@code URI}, {@code QUERY}, {@code VERSION}, ...) in capitals. Immutable, except that
 * {@link #body()} hands out its array.
 */
public final class Mongrel2Request {

    /** The header naming the temporary file of an upload, in both notices. */
    public static final String UPLOAD_START = "x-mongrel2-upload-start";
    /** The header of the second upload notice: the file is complete. */
    public static final String UPLOAD_DONE = "x-mongrel2-upload-done";

    private final String sender;
    private final String connectionId;
    private final String path;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final boolean disconnect;

    Mongrel2Request(String sender, String connectionId, String path, Map<String, List<String>> headers, byte[] body,
                    boolean disconnect) {
        this.sender = sender;
        this.connectionId = connectionId;
        this.path = path;
        this.headers = headers;
        this.body = body;
        this.disconnect = disconnect;
    }

    /** The UUID of the Mongrel2 server the request came through, which a reply must name. */
    public String sender() {
        return sender;
    }

    /** The client connection's id (decimal digits), which a reply must name. */
    public String connectionId() {
        return connectionId;
    }

    /** The path the route matched, without the query; {@code @*} on a JSON message. */
    public String path() {
        return path;
    }

    /** Every header, names case-insensitive, a header sent more than once with each value. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of header {@code name} (any case), or {@code null}. */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The HTTP method, or {@code JSON} for a JSON message such as a disconnect notice. */
    public String method() {
        String m = header("METHOD");
        return m == null ? "" : m;
    }

    /** The query string without the {@code ?}, or {@code null}. */
    public @Nullable String query() {
        return header("QUERY");
    }

    /** The body: the request's, a JSON message's JSON, or empty in the upload notices. Not copied. */
    public byte[] body() {
        return body;
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether this is a JSON message ({@code METHOD} {@code JSON}) rather than an HTTP request. */
    public boolean isJson() {
        return "JSON".equals(method());
    }

    /** Whether this notice says the client closed its connection: nothing should be sent for it. */
    public boolean isDisconnect() {
        return disconnect;
    }

    /**
     * Whether this is the first notice of a large upload: the headers have come, the body is being written to
     * {@link #uploadFile}. Send nothing to accept; {@link Mongrel2Reply#close} the connection to refuse.
     */
    public boolean isUploadStarted() {
        return header(UPLOAD_START) != null && header(UPLOAD_DONE) == null;
    }

    /** Whether this is the second notice of a large upload: {@link #uploadFile} holds the whole body. */
    public boolean isUploadDone() {
        return header(UPLOAD_DONE) != null;
    }

    /**
     * The upload's temporary file. Mongrel2 names it inside its chroot, so it is resolved against {@code chroot}, the
     * directory Mongrel2 runs in; the handler deletes it when done. A name that leads out of {@code chroot} is
     * refused, so a client that sends the upload headers itself reads nothing else.
     *
     * @throws IllegalStateException when this is no upload notice, or the name leads out of {@code chroot}
     */
    public Path uploadFile(Path chroot) {
        String name = header(UPLOAD_START);
        if (name == null) {
            throw new IllegalStateException("connection " + connectionId + " is not an upload");
        }
        Path root = chroot.toAbsolutePath().normalize();
        Path file = root.resolve(name.startsWith("/") ? name.substring(1) : name).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalStateException("upload file '" + name + "' is not inside " + root);
        }
        return file;
    }

    /** The reply that sends {@code response} to this request's connection. */
    public Mongrel2Reply reply(Mongrel2Response response) {
        return Mongrel2Reply.of(sender, List.of(connectionId), response);
    }

    /** The reply that closes this request's connection. */
    public Mongrel2Reply close() {
        return Mongrel2Reply.close(sender, List.of(connectionId));
    }

    @Override
    public String toString() {
        return "Mongrel2Request[" + sender + " " + connectionId + " " + method() + " " + path + ", " + body.length
                + " bytes" + (disconnect ? ", disconnect" : "") + "]";
    }
}
