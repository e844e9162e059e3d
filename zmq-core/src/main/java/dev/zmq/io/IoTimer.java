package dev.zmq.io;

/**
 * A task scheduled on an {@link IoThread}. Thread-safety: schedule and cancel only on the owning I/O thread.
 */
public final class IoTimer implements Comparable<IoTimer> {

    final long deadlineNanos;
    final Runnable task;
    private final long sequence;
    boolean cancelled;

    IoTimer(long deadlineNanos, long sequence, Runnable task) {
        this.deadlineNanos = deadlineNanos;
        this.sequence = sequence;
        this.task = task;
    }

    /** Stops the task from running, if it has not run yet. */
    public void cancel() {
        cancelled = true;
    }

    @Override
    public int compareTo(IoTimer o) {
        int c = Long.compare(deadlineNanos, o.deadlineNanos);
        return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
}
