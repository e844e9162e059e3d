package dev.zmq.transport;

import dev.zmq.ErrorCode;
import dev.zmq.ZmqException;
import dev.zmq.transport.udp.UdpAddress;

/**
 * A parsed endpoint: {@code transport://address}. The transport prefix is the only thing that differs between
 * transports.
 *
 * <p>Immutable. {@link #parse(String)} throws {@link ZmqException}: {@link ErrorCode#EINVAL} for a malformed
 * endpoint, {@link ErrorCode#EPROTONOSUPPORT} for an unknown transport.
 *
 * @param text      the endpoint as given
 * @param transport the stream transport carrying it, or {@code null} for {@code inproc://} (a pipe between two
 *                  sockets of one context, see {@link dev.zmq.transport.inproc.InprocRegistry}) and {@code udp://}
 *                  (datagrams, see {@link dev.zmq.transport.udp.UdpEndpoint})
 * @param address   the part after {@code ://}
 */
public record Endpoint(String text, StreamTransport transport, String address) {

    /** The prefix of in-process endpoints. */
    public static final String INPROC = "inproc";
    /** The prefix of datagram endpoints (RADIO and DISH only). */
    public static final String UDP = "udp";

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
        if (scheme.equals(INPROC) || scheme.equals(UDP)) {
            return new Endpoint(text, null, text.substring(sep + 3));
        }
        StreamTransport transport = Transports.forScheme(scheme);
        if (transport == null) {
            throw new ZmqException(ErrorCode.EPROTONOSUPPORT, "unsupported transport '" + scheme
                    + "' in endpoint '" + text + "' (supported: " + INPROC + ", " + Transports.schemes() + ", " + UDP
                    + ")");
        }
        return new Endpoint(text, transport, text.substring(sep + 3));
    }

    /**
     * Parses {@code text} and checks its address as {@code bind} or {@code connect} would, without doing either: for
     * validating configuration early.
     *
     * @throws ZmqException EINVAL / EPROTONOSUPPORT as {@link #parse(String)}, EINVAL for a malformed address
     */
    public static Endpoint validate(String text, boolean forBind) {
        Endpoint e = parse(text);
        if (e.isUdp()) {
            UdpAddress.parse(e.address);
        } else if (!e.isInproc()) {
            if (forBind) {
                e.transport.validateBind(e.address);
            } else {
                e.transport.validateConnect(e.address);
            }
        }
        return e;
    }

    /** Whether this is an {@code inproc://} endpoint. */
    public boolean isInproc() {
        return transport == null && text.startsWith(INPROC);
    }

    /** Whether this is a {@code udp://} endpoint. */
    public boolean isUdp() {
        return transport == null && text.startsWith(UDP);
    }

    @Override
    public String toString() {
        return text;
    }
}
