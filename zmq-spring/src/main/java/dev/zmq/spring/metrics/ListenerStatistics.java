package dev.zmq.spring.metrics;

/**
 * What the listener meters read of one listener container: its id and its failure counters. Listener containers
 * implement it, so this package observes them without depending on them. Implementations are thread-safe.
 */
public interface ListenerStatistics {

    /** The listener's id (the {@code listener.id} tag). */
    String getId();

    /** Attempts made again after the listener threw. */
    long getRetries();

    /** Messages handed to the dead-letter publisher after their last attempt failed. */
    long getDeadLettered();

    /** Restarts after the listener's socket failed. */
    long getRestarts();
}
