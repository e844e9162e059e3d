package dev.zmq.majordomo;

/**
 * A message that breaks RFC 7: which rule ({@link #error()}) and, in the message, why.
 *
 * <p>Immutable; thrown by {@link MdpFrames}' parsers and caught by the broker, which counts it and answers as the RFC
 * says instead of failing.
 */
public final class MdpProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final MdpError error;

    /** A violation of {@code error}, explained by {@code reason}. */
    public MdpProtocolException(MdpError error, String reason) {
        super(reason);
        this.error = error;
    }

    /** The rule broken. */
    public MdpError error() {
        return error;
    }
}
