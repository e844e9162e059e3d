package dev.zmq.transport;

import dev.zmq.ErrorCode;
import dev.zmq.ZmqException;

/**
 * A parsed endpoint: {@code transport://address}. The transport prefix is the only thing that differs between
 * transports.
 *
 * <p>Immutable. {@link #parse(String)} throws {@link ZmqException}: {@link ErrorCode#EINVAL} for a malformed
 * endpoint, {@link ErrorCode#EPROTONOSUPPORT} for an unknown transport.
 *
 * @param text    the endpoint as given
 * @param scheme  the transport prefix, one of {@link Transports#SCHEMES}
 * @param address the part after {@code ://}
 */
public record Endpoint(String text, String scheme, String address) {

    /** Parses {@code text}, e.g. {@code tcp://127.0.0.1:5555}. */
    public static Endpoint parse(String text) {
        if (text == null) {
            throw new ZmqException(ErrorCode.EINVAL, "endpoint is null");
        }
        int sep = text.indexOf("://");
        if (sep <= 0 || sep + 3 == text.length()) {
            throw new ZmqException(ErrorCode.EINVAL, "malformed endpoint '" + text
                    + "': expected transport://address, e.g. tcp://127.0.0.1:5555");
        }
        String scheme = text.substring(0, sep);
        if (!Transports.SCHEMES.contains(scheme)) {
            throw new ZmqException(ErrorCode.EPROTONOSUPPORT, "unsupported transport '" + scheme
                    + "' in endpoint '" + text + "' (supported: " + String.join(", ", Transports.SCHEMES) + ")");
        }
        return new Endpoint(text, scheme, text.substring(sep + 3));
    }

    /**
     * Parses {@code text} and checks its address as {@code bind} or {@code connect} would, without doing either: for
     * validating configuration early.
     *
     * @throws ZmqException EINVAL / EPROTONOSUPPORT as {@link #parse(String)}, EINVAL for a malformed address
     */
    public static Endpoint validate(String text, boolean forBind) {
        Endpoint e = parse(text);
        Transports.validate(e, forBind);
        return e;
    }

    @Override
    public String toString() {
        return text;
    }
}
