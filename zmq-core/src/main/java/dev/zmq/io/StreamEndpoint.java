package dev.zmq.io;

/**
 * An endpoint carried by a stream transport, as the I/O layer needs it: the text for events, the transport that opens
 * and describes its channels, and the address part it resolves. Immutable.
 *
 * @param text      the endpoint as given, or as a listener resolved it (e.g. with its ephemeral port)
 * @param transport the stream transport (TCP, Unix domain sockets)
 * @param address   the part after {@code ://}
 */
public record StreamEndpoint(String text, StreamTransport transport, String address) {

    @Override
    public String toString() {
        return text;
    }
}
