package dev.zmq.transport;

import dev.zmq.transport.inproc.InprocRegistry;
import dev.zmq.transport.inproc.InprocTransport;
import dev.zmq.transport.ipc.IpcTransport;
import dev.zmq.transport.tcp.TcpTransport;
import dev.zmq.transport.udp.UdpTransport;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The transports of one context by endpoint prefix: {@code inproc}, {@code ipc}, {@code tcp}, {@code udp}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Transports {

    /** The endpoint prefixes, sorted. */
    public static final SortedSet<String> SCHEMES = Collections.unmodifiableSortedSet(
            new TreeSet<>(List.of("inproc", "ipc", "tcp", "udp")));

    /** For checking addresses alone: its inproc registry is never bound to. */
    private static final Transports CHECKS = new Transports(new InprocRegistry());

    private final Map<String, Transport> byScheme = new TreeMap<>();

    /** The transports of a context whose {@code inproc://} endpoints live in {@code inproc}. */
    public Transports(InprocRegistry inproc) {
        byScheme.put("inproc", new InprocTransport(inproc));
        byScheme.put("ipc", new StreamFamily(new IpcTransport()));
        byScheme.put("tcp", new StreamFamily(new TcpTransport()));
        byScheme.put("udp", new UdpTransport());
    }

    /** The transport of {@code endpoint} (parsed, so its prefix is known). */
    public Transport of(Endpoint endpoint) {
        return Objects.requireNonNull(byScheme.get(endpoint.scheme()), "a parsed endpoint has a known scheme");
    }

    /** Every transport, to tell each that a socket closed. */
    public Collection<Transport> all() {
        return byScheme.values();
    }

    static void validate(Endpoint endpoint, boolean forBind) {
        CHECKS.of(endpoint).validate(endpoint.address(), forBind);
    }
}
