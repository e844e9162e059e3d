package dev.zmq.spring.support;

import dev.zmq.OptionValue;
import dev.zmq.SocketSpec;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqSocket;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A socket as the Spring modules use it: zmq-core's {@link SocketSpec} (type, endpoints, options, security,
 * subscriptions, checked there) and whether its messages carry trace context. Named sockets from
 * {@code zmq.sockets.<name>} and inline {@code @ZmqListener} sockets are both specs. Immutable and thread-safe;
 * {@link #open} may be called many times (one socket per listener thread).
 *
 * @param socket      the socket specification
 * @param propagation whether messages carry trace context in a {@link TraceEnvelope} (only between applications
 *                    that both turn it on)
 */
public record ZmqSocketSpec(SocketSpec socket, boolean propagation) {

    /**
     * A socket whose messages carry no trace context.
     *
     * @throws dev.zmq.InvalidSocketSpecException when it has no endpoint, or topics on a type that does not subscribe
     */
    public ZmqSocketSpec(String name, SocketType type, List<String> bind, List<String> connect, List<String> topics,
                         List<OptionValue<?>> options) {
        this(new SocketSpec(name, type, bind, connect, topics, options), false);
    }

    /** The configured name (or a listener id), used in errors, thread names and metrics. */
    public String name() {
        return socket.name();
    }

    /** The socket type. */
    public SocketType type() {
        return socket.type();
    }

    /** Endpoints to bind. */
    public List<String> bind() {
        return socket.bind();
    }

    /** Endpoints to connect to. */
    public List<String> connect() {
        return socket.connect();
    }

    /** Topics to subscribe to (SUB, XSUB) or groups to join (DISH). */
    public List<String> topics() {
        return socket.topics();
    }

    /** Option values, applied before binding and connecting. */
    public List<OptionValue<?>> options() {
        return socket.options();
    }

    /** The same socket with trace propagation on or off. */
    public ZmqSocketSpec withPropagation(boolean on) {
        return new ZmqSocketSpec(socket, on);
    }

    /** The same socket with another type (e.g. the ROUTER front of a concurrent REP listener). */
    public ZmqSocketSpec withType(SocketType newType) {
        return new ZmqSocketSpec(socket.withType(newType), propagation);
    }

    /** The same socket subscribed to {@code more} topics (SUB, XSUB) or groups (DISH) as well. */
    public ZmqSocketSpec withTopics(List<String> more) {
        return new ZmqSocketSpec(socket.withTopics(more), propagation);
    }

    /** The same socket with every bind and connect endpoint replaced by {@code mapping}'s answer for it. */
    public ZmqSocketSpec withEndpoints(UnaryOperator<String> mapping) {
        return new ZmqSocketSpec(socket.withEndpoints(mapping), propagation);
    }

    /** The same socket with more option values, applied after this spec's own. */
    public ZmqSocketSpec withOptions(List<OptionValue<?>> more) {
        return new ZmqSocketSpec(socket.withOptions(more), propagation);
    }

    /**
     * Opens the socket in {@code context}: options, then binds, connects and subscriptions.
     *
     * @throws ZmqException as the core throws it, with the socket's name and the endpoint in the message
     */
    public ZmqSocket open(ZmqContext context) {
        return socket.open(context);
    }
}
