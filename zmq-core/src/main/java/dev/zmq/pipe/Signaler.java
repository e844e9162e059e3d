package dev.zmq.pipe;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Parks the application thread that is blocked on a socket and wakes it when something it may be waiting for
 * happens (a message arrived, a pipe has room again, a peer attached, the socket closed).
 *
 * <p>Thread-safe: any thread may wake it. A plain signaler has one waiting thread at a time; a
 * {@link #shared() shared} one (for thread-safe sockets) any number, all woken together. A wake that comes before
 * the wait is not lost (the waiter re-checks its condition after registering, and unpark permits persist).
 */
public final class Signaler {

    private final List<Signaler> followers = new CopyOnWriteArrayList<>();
    /** The waiting threads of a shared signaler; {@code null} for a plain one. */
    private final @Nullable Set<Thread> waiters;
    private volatile @Nullable Thread waiter;
    private volatile boolean signalled;

    /** A signaler for one waiting thread at a time. */
    public Signaler() {
        this(null);
    }

    private Signaler(@Nullable Set<Thread> waiters) {
        this.waiters = waiters;
    }

    /** A signaler any number of threads may wait on at once; a wake wakes them all. */
    public static Signaler shared() {
        return new Signaler(ConcurrentHashMap.newKeySet());
    }

    /** Records that something happened and wakes the waiting thread(s), if any, and every follower. */
    public void wake() {
        signalled = true;
        Thread t = waiter;
        if (t != null) {
            LockSupport.unpark(t);
        }
        if (waiters != null && !waiters.isEmpty()) {
            waiters.forEach(LockSupport::unpark);
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
        if (waiters != null) {
            waiters.add(Thread.currentThread());
        } else {
            waiter = Thread.currentThread();
        }
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
        cancel();
    }

    /** Deregisters without parking (the condition became true after {@link #prepare()}). */
    public void cancel() {
        if (waiters != null) {
            waiters.remove(Thread.currentThread());
        } else {
            waiter = null;
        }
    }
}
