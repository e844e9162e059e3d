package dev.zmq.pipe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Parks the application thread that is blocked on a socket and wakes it when something it may be waiting for
 * happens (a message arrived, a pipe has room again, a peer attached, the socket closed).
 *
 * <p>Thread-safe: one thread waits at a time, any thread may wake it. A wake that comes before the wait is not
 * lost (the waiter re-checks its condition after registering, and unpark permits persist).
 */
public final class Signaler {

    private final List<Signaler> followers = new CopyOnWriteArrayList<>();
    private volatile Thread waiter;
    private volatile boolean signalled;

    /** Records that something happened and wakes the waiting thread, if any, and every follower. */
    public void wake() {
        signalled = true;
        Thread t = waiter;
        if (t != null) {
            LockSupport.unpark(t);
        }
        if (!followers.isEmpty()) {
            followers.forEach(Signaler::wake);
        }
    }

    /** Makes {@code follower} woken whenever this one is (a poller following its sockets). */
    public void addFollower(Signaler follower) {
        followers.add(follower);
    }

    /** Undoes {@link #addFollower}. */
    public void removeFollower(Signaler follower) {
        followers.remove(follower);
    }

    /** Whether {@link #wake()} was called since the last call of this method; clears the record. */
    public boolean consume() {
        if (!signalled) {
            return false;
        }
        signalled = false;
        return true;
    }

    /** Registers the calling thread as the waiter; call before re-checking the condition. */
    public void prepare() {
        waiter = Thread.currentThread();
    }

    /**
     * Parks until woken, the deadline passes or the thread is interrupted, then deregisters.
     *
     * @param deadlineNanos {@link System#nanoTime()} deadline, or {@link Long#MAX_VALUE} for none
     */
    public void await(long deadlineNanos) {
        if (deadlineNanos == Long.MAX_VALUE) {
            LockSupport.park(this);
        } else {
            long wait = deadlineNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, Math.min(wait, TimeUnit.SECONDS.toNanos(1)));
            }
        }
        waiter = null;
    }

    /** Deregisters without parking (the condition became true after {@link #prepare()}). */
    public void cancel() {
        waiter = null;
    }
}
