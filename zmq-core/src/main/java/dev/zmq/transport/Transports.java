package dev.zmq.transport;

import dev.zmq.transport.ipc.IpcTransport;
import dev.zmq.transport.tcp.TcpTransport;

import java.util.Map;
import java.util.TreeMap;

/**
 * The registry of stream transports by endpoint prefix. Immutable and thread-safe.
 */
public final class Transports {

    private static final Map<String, StreamTransport> BY_SCHEME = new TreeMap<>();

    static {
        register(new TcpTransport());
        register(new IpcTransport());
    }

    private Transports() {
    }

    private static void register(StreamTransport t) {
        BY_SCHEME.put(t.scheme(), t);
    }

    /** The transport for {@code scheme}, or {@code null}. */
    public static StreamTransport forScheme(String scheme) {
        return BY_SCHEME.get(scheme);
    }

    /** The supported prefixes, comma-separated. */
    public static String schemes() {
        return String.join(", ", BY_SCHEME.keySet());
    }
}
