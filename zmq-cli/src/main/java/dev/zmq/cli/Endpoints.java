package dev.zmq.cli;

import dev.zmq.ErrorCode;
import dev.zmq.ZmqException;

import java.util.ArrayList;
import java.util.List;

/**
 * Endpoints with an explicit direction, czmq's convention: {@code @tcp://*:5555} binds, {@code >tcp://host:5555}
 * connects, several separated by commas ({@code @tcp://*:5555,>ipc://feed}). A bare endpoint takes the default the
 * caller gives ({@link dev.zmq.SocketType#bindsByDefault()} for a socket's own). Immutable; thread-safe.
 *
 * @param binds    endpoints to bind
 * @param connects endpoints to connect to
 */
record Endpoints(List<String> binds, List<String> connects) {

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
}
