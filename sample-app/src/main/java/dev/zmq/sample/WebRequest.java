package dev.zmq.sample;

/**
 * An HTTP request as the front hands it to the workers (JSON on the wire).
 *
 * @param frontId   the front that waits for the answer (the topic the worker publishes the response under)
 * @param requestId unique per front
 * @param path      the request path, e.g. {@code /hello/ada}
 */
public record WebRequest(String frontId, String requestId, String path) {
}
