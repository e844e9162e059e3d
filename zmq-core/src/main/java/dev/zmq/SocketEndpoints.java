package dev.zmq;

import dev.zmq.io.EndpointHandle;
import dev.zmq.monitor.SocketEventType;
import dev.zmq.transport.Endpoint;
import dev.zmq.transport.Transport;
import dev.zmq.transport.Transports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The endpoints one socket bound and connected, each kept as the handle its transport made: no transport-specific
 * code. Binds and connects go through the endpoint's {@link Transport}; failures name the socket.
 *
 * <p>Thread-safety: the socket calls every method but the views holding its lock; {@link #bound()},
 * {@link #connected()} and {@link #last()} are safe from any thread.
 */
final class SocketEndpoints {

    private final String socketName;
    private final Transports transports;
    private final SocketOwner owner;
    private final Map<String, EndpointHandle> bound = new LinkedHashMap<>();
    /** Each endpoint may be connected more than once (not over udp://). */
    private final Map<String, List<EndpointHandle>> connected = new LinkedHashMap<>();
    private volatile @Nullable String last;
    private volatile List<String> boundView = List.of();
    private volatile List<String> connectedView = List.of();

    SocketEndpoints(String socketName, Transports transports, SocketOwner owner) {
        this.socketName = socketName;
        this.transports = transports;
        this.owner = owner;
    }

    /** Binds {@code endpoint} and starts it; a failure is reported as BIND_FAILED and thrown naming the socket. */
    EndpointHandle bind(String endpoint) {
        Endpoint e = Endpoint.parse(endpoint);
        owner.connectionConfig().validateSecurity();
        EndpointHandle h;
        try {
            h = transports.of(e).bind(e, owner);
        } catch (ZmqException ex) {
            owner.emit(SocketEventType.BIND_FAILED, endpoint, null, String.valueOf(ex.getMessage()));
            throw new ZmqException(ex.code(), socketName + ": " + ex.getMessage(), ex);
        }
        bound.put(h.endpoint(), h);
        last = h.endpoint();
        publish();
        h.start();
        owner.emit(SocketEventType.LISTENING, h.endpoint(), null, "");
        return h;
    }

    /** Connects to {@code endpoint} and starts connecting; a failure is thrown naming the socket. */
    EndpointHandle connect(String endpoint) {
        Endpoint e = Endpoint.parse(endpoint);
        owner.connectionConfig().validateSecurity();
        Transport transport = transports.of(e);
        if (!transport.allowsRepeatedConnect() && connected.containsKey(endpoint)) {
            throw new ZmqException(ErrorCode.EINVAL, socketName + ": already connected to " + endpoint);
        }
        EndpointHandle h;
        try {
            h = transport.connect(e, owner);
        } catch (ZmqException ex) {
            throw new ZmqException(ex.code(), socketName + ": " + ex.getMessage(), ex);
        }
        connected.computeIfAbsent(endpoint, k -> new ArrayList<>()).add(h);
        last = endpoint;
        publish();
        h.start();
        return h;
    }

    /** Forgets the bound {@code endpoint} and returns its handle for the caller to close; ENOENT if not bound. */
    EndpointHandle unbind(String endpoint) {
        EndpointHandle h = bound.remove(endpoint);
        if (h == null) {
            throw new ZmqException(ErrorCode.ENOENT, socketName + ": " + endpoint + " is not bound (bound: "
                    + bound.keySet() + ")");
        }
        publish();
        return h;
    }

    /** Forgets the connections to {@code endpoint} and returns their handles to close; ENOENT if none. */
    List<EndpointHandle> disconnect(String endpoint) {
        List<EndpointHandle> handles = connected.remove(endpoint);
        if (handles == null) {
            throw new ZmqException(ErrorCode.ENOENT, socketName + ": " + endpoint + " is not connected (connected: "
                    + connected.keySet() + ")");
        }
        publish();
        return handles;
    }

    /** Forgets every endpoint (the socket is closing) and returns the handles to close. */
    List<EndpointHandle> removeAll() {
        List<EndpointHandle> all = new ArrayList<>(bound.values());
        connected.values().forEach(all::addAll);
        bound.clear();
        connected.clear();
        publish();
        return all;
    }

    /** Tells every transport the socket closed (inproc releases its names). */
    void socketClosed() {
        transports.all().forEach(t -> t.socketClosed(owner));
    }

    /** The endpoints bound now, resolved. Any thread. */
    List<String> bound() {
        return boundView;
    }

    /** The endpoints connected to now. Any thread. */
    List<String> connected() {
        return connectedView;
    }

    /** The endpoint last bound (resolved) or connected, or {@code null}. Any thread. */
    @Nullable String last() {
        return last;
    }

    private void publish() {
        boundView = List.copyOf(bound.keySet());
        connectedView = List.copyOf(connected.keySet());
    }
}
