package dev.zmq.spring.metrics;

import java.util.function.Consumer;

/**
 * Hands out every listener container's {@link ListenerStatistics}, those registered later included (beans created
 * on demand), so meters can cover them all. The listener registry implements it. Thread-safe.
 */
@FunctionalInterface
public interface ListenerStatisticsSource {

    /** Calls {@code action} with every listener registered so far and with each one registered from now on. */
    void forEachListener(Consumer<? super ListenerStatistics> action);
}
