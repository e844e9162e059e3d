package dev.zmq;

import dev.zmq.pipe.Signaler;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Waits on many sockets at once until one can receive (POLLIN) or send (POLLOUT) without blocking, or a timeout
 * passes. Nothing is polled per message: the poller's thread parks and the sockets' own wake-ups (a pipe going
 * non-empty, a pipe getting room, a peer joining) unpark it.
 *
 * <p>Thread-safety: like the sockets it polls, a poller is used by one thread at a time, the one that also uses the
 * sockets; only {@link #wakeup()} may be called from any thread. {@link #close()} unregisters everything. Throws {@link ZmqException} ETERM when a polled socket closes.
 */
public final class Poller implements AutoCloseable {

    /** The socket has a message to receive. */
    public static final int POLLIN = 1;
    /** The socket can take a message to send. */
    public static final int POLLOUT = 2;

    private final Signaler signaler = new Signaler();
    private final Map<ZmqSocket, Integer> interests = new LinkedHashMap<>();
    private final Map<ZmqSocket, Integer> ready = new LinkedHashMap<>();
    private final AtomicBoolean woken = new AtomicBoolean();

    /** Watches {@code socket} for {@code events} (POLLIN, POLLOUT or both), replacing earlier interest. */
    public Poller register(ZmqSocket socket, int events) {
        if (interests.put(socket, events) == null) {
            socket.signaler().addFollower(signaler);
        }
        return this;
    }

    /** Stops watching {@code socket}. */
    public void unregister(ZmqSocket socket) {
        if (interests.remove(socket) != null) {
            socket.signaler().removeFollower(signaler);
        }
        ready.remove(socket);
    }

    /**
     * Makes the current {@link #poll} return now, or the next one if none is in progress, even with no socket ready:
     * how another thread hands the polling thread work that is not a message (a queued reply, a stop request).
     * Safe from any thread.
     */
    public void wakeup() {
        woken.set(true);
        signaler.wake();
    }

    /**
     * Waits until at least one registered socket is ready, {@code timeout} passes (negative: forever, zero: just
     * look) or {@link #wakeup()} is called.
     *
     * @return the number of ready sockets, 0 on timeout or wake-up
     */
    public int poll(Duration timeout) {
        long deadline = timeout.isNegative() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (true) {
            signaler.prepare();
            int n = scan();
            if (n > 0 || woken.getAndSet(false) || timeout.isZero() || System.nanoTime() - deadline >= 0) {
                signaler.cancel();
                return n;
            }
            signaler.await(deadline);
            if (Thread.interrupted()) {
                throw new ZmqException(ErrorCode.EINTR, "interrupted while polling");
            }
        }
    }

    private int scan() {
        ready.clear();
        interests.forEach((socket, events) -> {
            int r = 0;
            if ((events & POLLIN) != 0 && socket.pollIn()) {
                r |= POLLIN;
            }
            if ((events & POLLOUT) != 0 && socket.pollOut()) {
                r |= POLLOUT;
            }
            if (r != 0) {
                ready.put(socket, r);
            }
        });
        return ready.size();
    }

    /** Whether the last {@link #poll} found {@code socket} with a message to receive. */
    public boolean isReadable(ZmqSocket socket) {
        return (ready.getOrDefault(socket, 0) & POLLIN) != 0;
    }

    /** Whether the last {@link #poll} found {@code socket} able to send. */
    public boolean isWritable(ZmqSocket socket) {
        return (ready.getOrDefault(socket, 0) & POLLOUT) != 0;
    }

    @Override
    public void close() {
        for (ZmqSocket s : interests.keySet().toArray(new ZmqSocket[0])) {
            unregister(s);
        }
    }
}
