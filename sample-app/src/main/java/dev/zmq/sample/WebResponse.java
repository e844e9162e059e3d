package dev.zmq.sample;

/**
 * A worker's answer to a {@link WebRequest} (JSON on the wire).
 *
 * @param requestId the request answered
 * @param status    HTTP status
 * @param body      response body
 * @param worker    which worker thread answered
 */
public record WebResponse(String requestId, int status, String body, String worker) {
}
