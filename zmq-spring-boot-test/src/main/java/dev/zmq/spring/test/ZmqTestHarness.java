package dev.zmq.spring.test;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.listener.MessageListenerContainer;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.core.SharedSocket;
import dev.zmq.spring.support.OutgoingTopic;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Drives an application's ZeroMQ side from a test, through sockets of its own in the application's context (on
 * {@code inproc://} under {@link AutoConfigureZmqTest}): sends into a listener's socket or publishes to it, makes
 * requests of a REP/ROUTER listener, awaits a listener's invocation with its arguments and result, and captures what
 * the application sends on a named socket. Sockets are addressed by their name under {@code zmq.sockets}, or an
 * inline listener's id. Every wait is bounded by {@code zmq.test.timeout} and fails with an {@link AssertionError}
 * saying what did not happen.
 *
 * <p>Thread-safe. Throws {@link IllegalArgumentException} for an unknown socket name, {@link ZmqException} as the
 * sockets do (EAGAIN when a send or reply times out).
 */
public class ZmqTestHarness implements DisposableBean {

    private final ZmqContext context;
    private final ZmqSocketRegistry sockets;
    private final ZmqMessageConverter converter;
    private final ListenerInvocations invocations;
    private final Duration timeout;
    private final Map<String, SharedSocket> senders = new ConcurrentHashMap<>();
    private final Map<String, TopicPublisher> publishers = new ConcurrentHashMap<>();
    private final List<Capture> captures = new CopyOnWriteArrayList<>();
    private final Supplier<Collection<MessageListenerContainer>> listeners;

    ZmqTestHarness(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter,
                   ListenerInvocations invocations, Duration timeout,
                   Supplier<Collection<MessageListenerContainer>> listeners) {
        this.context = context;
        this.listeners = listeners;
        this.sockets = sockets;
        this.converter = converter;
        this.invocations = invocations;
        this.timeout = timeout;
    }

    /**
     * Sends {@code payload} (converted as {@code ZmqTemplate} converts it) into the application's socket
     * {@code socket}: from a PUSH to its PULL, a PAIR to its PAIR, a CLIENT to its SERVER, a DEALER to its ROUTER.
     *
     * @throws IllegalArgumentException for a SUB, XSUB or DISH socket: use {@link #publish}
     */
    public void send(String socket, Object payload) {
        ZmqSocketSpec app = spec(socket);
        if (app.type() == SocketType.SUB || app.type() == SocketType.XSUB || app.type() == SocketType.DISH) {
            throw new IllegalArgumentException("socket '" + socket + "' is a " + app.type()
                    + ": publish(socket, topic, payload) to it");
        }
        sender(app).send(converter.toZmqMessage(payload));
    }

    /**
     * Publishes {@code payload} under {@code topic} to the application's SUB or XSUB socket {@code socket}, once
     * that socket's subscription matching {@code topic} has arrived, so nothing is lost to a late subscriber.
     *
     * @throws AssertionError when no matching subscription arrives in time
     */
    public void publish(String socket, String topic, Object payload) {
        ZmqSocketSpec app = spec(socket);
        if (app.type() != SocketType.SUB && app.type() != SocketType.XSUB) {
            throw new IllegalArgumentException("socket '" + socket + "' is a " + app.type() + ", not a SUB or XSUB");
        }
        publishers.computeIfAbsent(socket, n -> new TopicPublisher(PeerSockets.of(app, timeout), socket, context,
                timeout)).publish(topic, OutgoingTopic.apply(SocketType.PUB, topic, converter.toZmqMessage(payload)));
    }

    /**
     * Sends {@code request} to the application's REP, ROUTER or SERVER socket {@code socket} and returns the reply's
     * body frames.
     *
     * @throws ZmqException EAGAIN naming the socket when no reply comes in time
     */
    public ZmqMessage request(String socket, Object request) {
        return sender(spec(socket)).request(converter.toZmqMessage(request), timeout);
    }

    /** As {@link #request(String, Object)}, the reply converted to {@code type}. */
    public <T> T request(String socket, Object request, Class<T> type) {
        return converter.fromZmqMessage(request(socket, request), type);
    }

    /**
     * The next call of the listener {@code listenerId} not yet taken (calls are recorded from start-up on).
     *
     * @throws AssertionError when none comes in time
     */
    public Invocation awaitInvocation(String listenerId) {
        return invocations.next(listenerId, timeout);
    }

    /**
     * Starts capturing what the application sends on its socket {@code socket} (a PULL for its PUSH, a SUB for its
     * PUB, a ROUTER for its DEALER or REQ, ...). Start it before the code under test sends.
     *
     * <p>Where the application's own listener is bound to the endpoint {@code socket} connects to (its consumer of
     * its own messages), the capture takes that endpoint over: the listener is stopped while the capture is open, so
     * the messages come to the test instead, and started again when the capture closes ({@link #reset()} closes
     * every capture).
     */
    public Capture capture(String socket) {
        ZmqSocketSpec peer = PeerSockets.of(spec(socket), timeout);
        List<MessageListenerContainer> displaced = listeners.get().stream()
                .filter(c -> c.isRunning() && c.getSocketSpec().bind().stream().anyMatch(peer.bind()::contains))
                .toList();
        displaced.forEach(MessageListenerContainer::stop);
        Capture c;
        try {
            c = new Capture(peer, context, converter, timeout, () -> displaced.forEach(MessageListenerContainer::start));
        } catch (RuntimeException e) {
            displaced.forEach(MessageListenerContainer::start);
            throw e;
        }
        captures.add(c);
        return c;
    }

    /**
     * The endpoint the listener {@code listenerId} is bound to now, with the port the system chose for a
     * {@code tcp://host:*} endpoint (for tests that run on TCP with {@code zmq.test.inproc=false} and random ports).
     *
     * @throws IllegalArgumentException when there is no such listener, or it is not running or binds nothing
     */
    public String boundEndpoint(String listenerId) {
        MessageListenerContainer c = listeners.get().stream().filter(l -> l.getId().equals(listenerId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no listener with the id '" + listenerId + "'"));
        ZmqSocket socket = c.getSocket();
        if (socket == null || socket.boundEndpoints().isEmpty()) {
            throw new IllegalArgumentException("listener '" + listenerId + "' is not running or binds nothing");
        }
        return socket.boundEndpoints().get(0);
    }

    /** Forgets recorded invocations, and closes captures, between tests that share one application. */
    public void reset() {
        invocations.clear();
        captures.forEach(Capture::close);
        captures.clear();
    }

    /** Closes the harness's sockets. */
    @Override
    public void destroy() {
        reset();
        senders.values().forEach(SharedSocket::close);
        publishers.values().forEach(TopicPublisher::close);
    }

    private SharedSocket sender(ZmqSocketSpec app) {
        return senders.computeIfAbsent(app.name(), n -> SharedSocket.open(PeerSockets.of(app, timeout), context));
    }

    private ZmqSocketSpec spec(String socket) {
        return sockets.find(socket).orElseThrow(() -> new IllegalArgumentException("no socket named '" + socket
                + "' under zmq.sockets and no inline listener with that id (configured: " + sockets.names() + ")"));
    }
}
