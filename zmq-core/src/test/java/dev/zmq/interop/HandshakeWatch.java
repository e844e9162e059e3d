package dev.zmq.interop;

import dev.zmq.ZmqSocket;
import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import dev.zmq.monitor.SocketMonitor;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Watches one of our sockets for completed handshakes, so an interop test can tell JeroMQ 0.6.0's stall (a
 * connection it never starts the handshake on) from a slow machine and start over with a fresh JeroMQ socket. After
 * {@link #renewed()} only handshakes with connections that came later count: a stalled connection that completes
 * its handshake late must not pass for the new socket's.
 */
final class HandshakeWatch implements SocketMonitor, AutoCloseable {

    /**
     * Long enough that a handshake slowed by a loaded machine is not mistaken for the stall: renewing then would let
     * the old socket's late handshake pass for the new one's.
     */
    static final Duration STALL = Duration.ofSeconds(5);

    private final ZmqSocket socket;
    private final AtomicInteger handshakes = new AtomicInteger();
    /** Remote addresses of the connections seen so far, and of those that belong to a replaced JeroMQ socket. */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Set<String> stale = ConcurrentHashMap.newKeySet();
    /** Remote addresses whose connection has ended. */
    private final Set<String> ended = ConcurrentHashMap.newKeySet();

    HandshakeWatch(ZmqSocket socket) {
        this.socket = socket;
        socket.addMonitor(this);
    }

    @Override
    public void onEvent(SocketEvent e) {
        if (e.peer() != null) {
            seen.add(e.peer());
        }
        if (e.type() == SocketEventType.HANDSHAKE_SUCCEEDED && !stale.contains(e.peer())) {
            handshakes.incrementAndGet();
        }
        if ((e.type() == SocketEventType.DISCONNECTED || e.type() == SocketEventType.HANDSHAKE_FAILED)
                && e.peer() != null) {
            ended.add(e.peer());
        }
    }

    /**
     * The JeroMQ socket was replaced: its connections' handshakes no longer count, and this waits until each of them
     * has ended. A stalled JeroMQ connection may complete its handshake as its socket is destroyed; were the new
     * socket's connection to arrive first, a ROUTER would refuse it for a routing id still in use, and JeroMQ does not
     * send its probe again on the reconnection.
     */
    void renewed() {
        stale.addAll(seen);
        handshakes.set(0);
        try {
            await().atMost(STALL).until(() -> ended.containsAll(stale));
        } catch (ConditionTimeoutException stillOpen) {
            // the next attempt may then be refused and renewed once more; nothing is lost by going on
        }
    }

    /** Whether a handshake completed within {@link #STALL}. */
    boolean sawHandshake() {
        try {
            await().atMost(STALL).until(() -> handshakes.get() > 0);
            return true;
        } catch (ConditionTimeoutException stalled) {
            return false;
        }
    }

    @Override
    public void close() {
        socket.removeMonitor(this);
    }
}
