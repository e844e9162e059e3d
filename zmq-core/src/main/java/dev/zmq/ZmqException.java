package dev.zmq;

/**
 * An error a ZeroMQ operation reports, with an {@link ErrorCode} and a message naming the socket, endpoint or peer
 * and what was wrong.
 */
public class ZmqException extends RuntimeException {

    private final ErrorCode code;

    /** An exception with a code and message. */
    public ZmqException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /** An exception with a code, message and cause. */
    public ZmqException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** What kind of failure this is. */
    public ErrorCode code() {
        return code;
    }
}
