package dev.zmq.transport.tcp;

import dev.zmq.ErrorCode;
import dev.zmq.ZmqException;

/**
 * A TCP endpoint address, {@code host:port}, {@code *:port}, {@code host:*} or {@code [ipv6]:port}, parsed but not
 * resolved. Immutable; {@link #parse} throws {@link ZmqException} ({@link ErrorCode#EINVAL}) naming what is wrong.
 *
 * @param host the host, {@code *} for every interface
 * @param port the port, 0 for an ephemeral one
 */
public record TcpAddress(String host, int port) {

    /** Parses {@code address}; {@code allowWildcards} permits {@code *} as host and port (bind only). */
    public static TcpAddress parse(String address, boolean allowWildcards) {
        int colon = address.lastIndexOf(':');
        if (colon < 0 || colon == address.length() - 1) {
            throw invalid(address, "expected host:port");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String portText = address.substring(colon + 1);
        if (host.isEmpty()) {
            throw invalid(address, "the host is empty");
        }
        if (!allowWildcards && (host.equals("*") || portText.equals("*"))) {
            throw invalid(address, "'*' is only allowed when binding");
        }
        int port;
        if (portText.equals("*")) {
            port = 0;
        } else {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw invalid(address, "port '" + portText + "' is not a number");
            }
            if (port < 0 || port > 65535 || (port == 0 && !allowWildcards)) {
                throw invalid(address, "port " + port + " is out of range");
            }
        }
        return new TcpAddress(host, port);
    }

    /** Whether the host is the every-interface wildcard. */
    public boolean anyHost() {
        return host.equals("*");
    }

    private static ZmqException invalid(String address, String why) {
        return new ZmqException(ErrorCode.EINVAL, "malformed endpoint 'tcp://" + address + "': " + why);
    }
}
