package dev.zmq.spring.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Listener meters, tagged {@code listener.id} (the tag of the {@code zmq.listener} observations too):
 * {@code zmq.listener.retries} (attempts after a failed one), {@code zmq.listener.dead.letters} (messages parked
 * after their last attempt failed) and {@code zmq.listener.restarts} (restarts after the listener's socket failed),
 * for every listener of the source, those registered later (beans created on demand) included. Thread-safe.
 */
public final class ZmqListenerMetricsBinder implements MeterBinder {

    /** The tag naming the listener, on every listener meter and observation. */
    public static final String LISTENER_TAG = "listener.id";

    private final ListenerStatisticsSource listeners;

    /** Meters for the listeners of {@code listeners}. */
    public ZmqListenerMetricsBinder(ListenerStatisticsSource listeners) {
        this.listeners = listeners;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        listeners.forEachListener(c -> {
            FunctionCounter.builder("zmq.listener.retries", c, ListenerStatistics::getRetries)
                    .description("Attempts made again after a listener threw").tag(LISTENER_TAG, c.getId())
                    .register(registry);
            FunctionCounter.builder("zmq.listener.dead.letters", c, ListenerStatistics::getDeadLettered)
                    .description("Messages sent to the dead-letter socket after their last attempt failed")
                    .tag(LISTENER_TAG, c.getId()).register(registry);
            FunctionCounter.builder("zmq.listener.restarts", c, ListenerStatistics::getRestarts)
                    .description("Restarts of a listener whose socket failed").tag(LISTENER_TAG, c.getId())
                    .register(registry);
        });
    }
}
