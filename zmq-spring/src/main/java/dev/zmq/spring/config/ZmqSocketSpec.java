package dev.zmq.spring.config;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqSocket;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How to make one socket: its type, the endpoints it binds and connects, the topics a SUB subscribes to, and option
 * values. Named sockets from {@code zmq.sockets.<name>} and inline {@code @ZmqListener} sockets are both specs.
 * Immutable and thread-safe; {@link #open} may be called many times (one socket per listener thread).
 *
 * @param name    the configured name (or a listener id), used in errors, thread names and metrics
 * @param type    the socket type
 * @param bind    endpoints to bind
 * @param connect endpoints to connect to
 * @param topics  topics to subscribe to (SUB/XSUB) or groups to join (DISH); none means none
 * @param options option values to set before binding and connecting
 * @param propagation whether messages carry trace context in a {@link dev.zmq.spring.support.TraceEnvelope}
 *                    (only between applications that both turn it on)
 */
public record ZmqSocketSpec(String name, SocketType type, List<String> bind, List<String> connect,
                            List<String> topics, List<OptionValue<?>> options, boolean propagation) {

    /** Copies the lists; checks there is at least one endpoint. */
    public ZmqSocketSpec {
        bind = List.copyOf(bind);
        connect = List.copyOf(connect);
        topics = List.copyOf(topics);
        options = List.copyOf(options);
        if (bind.isEmpty() && connect.isEmpty()) {
            throw new IllegalArgumentException("socket '" + name + "' has no endpoint: give bind or connect");
        }
    }

    /** A socket whose messages carry no trace context. */
    public ZmqSocketSpec(String name, SocketType type, List<String> bind, List<String> connect, List<String> topics,
                         List<OptionValue<?>> options) {
        this(name, type, bind, connect, topics, options, false);
    }

    /** The same socket with trace propagation on or off. */
    public ZmqSocketSpec withPropagation(boolean on) {
        return new ZmqSocketSpec(name, type, bind, connect, topics, options, on);
    }

    /** The same socket with another type (e.g. the ROUTER front of a concurrent REP listener). */
    public ZmqSocketSpec withType(SocketType newType) {
        return new ZmqSocketSpec(name, newType, bind, connect, topics, options, propagation);
    }

    /** The same socket subscribed to {@code more} topics (SUB, XSUB) or groups (DISH) as well. */
    public ZmqSocketSpec withTopics(List<String> more) {
        List<String> all = new ArrayList<>(topics);
        more.stream().filter(t -> !all.contains(t)).forEach(all::add);
        return new ZmqSocketSpec(name, type, bind, connect, all, options, propagation);
    }

    /** The same socket with every bind and connect endpoint replaced by {@code mapping}'s answer for it. */
    public ZmqSocketSpec withEndpoints(UnaryOperator<String> mapping) {
        return new ZmqSocketSpec(name, type, bind.stream().map(mapping).toList(), connect.stream().map(mapping).toList(),
                topics, options, propagation);
    }

    /** The same socket with more option values, applied after this spec's own. */
    public ZmqSocketSpec withOptions(List<OptionValue<?>> more) {
        List<OptionValue<?>> all = new ArrayList<>(options);
        all.addAll(more);
        return new ZmqSocketSpec(name, type, bind, connect, topics, all, propagation);
    }

    /**
     * Opens the socket in {@code context}: options, then binds, connects and subscriptions.
     *
     * @throws ZmqException as the core throws it, with the socket's name and the endpoint added to the message
     */
    public ZmqSocket open(ZmqContext context) {
        ZmqSocket socket = context.socket(type, name);
        try {
            options.forEach(o -> o.applyTo(socket));
            for (String endpoint : bind) {
                attempt(() -> socket.bind(endpoint), "bind " + endpoint);
            }
            for (String endpoint : connect) {
                attempt(() -> socket.connect(endpoint), "connect to " + endpoint);
            }
            if (type == SocketType.SUB || type == SocketType.XSUB) {
                topics.forEach(socket::subscribe);
            } else if (type == SocketType.DISH) {
                topics.forEach(socket::join);
            }
            return socket;
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void attempt(Runnable action, String what) {
        try {
            action.run();
        } catch (ZmqException e) {
            throw new ZmqException(e.code(), "socket '" + name + "' (" + type + ") cannot " + what + ": "
                    + e.getMessage(), e);
        }
    }
}
