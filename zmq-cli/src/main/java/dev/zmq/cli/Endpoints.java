package dev.zmq.cli;

import dev.zmq.ErrorCode;
import dev.zmq.SocketType;
import dev.zmq.ZmqException;
import dev.zmq.ZmqSocket;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Endpoints with an explicit direction, czmq's convention: {@code @tcp://*:5555} binds, {@code >tcp://host:5555}
 * connects, several separated by commas ({@code @tcp://*:5555,>ipc://feed}). A bare endpoint takes the default the
 * caller gives. Immutable; thread-safe.
 *
 * @param binds    endpoints to bind
 * @param connects endpoints to connect to
 */
record Endpoints(List<String> binds, List<String> connects) {

    /** Types that bind a bare endpoint under czmq's rule (the "server" side of their pattern); the rest connect. */
    private static final Set<SocketType> SERVERISH = EnumSet.of(SocketType.PUB, SocketType.XPUB, SocketType.REP,
            SocketType.ROUTER, SocketType.PULL, SocketType.SERVER, SocketType.GATHER, SocketType.DISH);

    /** Whether a bare endpoint of a {@code type} socket binds, as czmq's constructors do. */
    static boolean bindsByDefault(SocketType type) {
        return SERVERISH.contains(type);
    }

    /**
     * Parses {@code spec}, a comma-separated list of {@code @}, {@code >} or bare endpoints.
     *
     * @throws ZmqException EINVAL naming {@code option} for an empty list or an empty endpoint
     */
    static Endpoints parse(String spec, boolean bareBinds, String option) {
        List<String> binds = new ArrayList<>();
        List<String> connects = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            String e = part.trim();
            boolean bind = e.startsWith("@") || (!e.startsWith(">") && bareBinds);
            String endpoint = e.startsWith("@") || e.startsWith(">") ? e.substring(1) : e;
            if (endpoint.isEmpty()) {
                throw new ZmqException(ErrorCode.EINVAL, option + ": empty endpoint in '" + spec + "'");
            }
            (bind ? binds : connects).add(endpoint);
        }
        return new Endpoints(binds, connects);
    }

    /** These endpoints and {@code other}'s. */
    Endpoints and(Endpoints other) {
        List<String> b = new ArrayList<>(binds);
        b.addAll(other.binds);
        List<String> c = new ArrayList<>(connects);
        c.addAll(other.connects);
        return new Endpoints(b, c);
    }

    boolean isEmpty() {
        return binds.isEmpty() && connects.isEmpty();
    }

    /** Binds, then connects, {@code socket}. @throws ZmqException as the socket does */
    void attach(ZmqSocket socket) {
        binds.forEach(socket::bind);
        connects.forEach(socket::connect);
    }
}
