package dev.zmq.spring.metrics;

import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import dev.zmq.spring.listener.ZmqListenerContainer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Listener meters, tagged {@code listener} (the listener id): {@code zmq.listener.retries} (attempts after a failed
 * one), {@code zmq.listener.dead.letters} (messages parked after their last attempt failed) and
 * {@code zmq.listener.restarts} (restarts after the listener's socket failed), for every container of the registry,
 * those registered later (beans created on demand) included. Thread-safe.
 */
public final class ZmqListenerMetricsBinder implements MeterBinder {

    private final ZmqListenerEndpointRegistry listeners;

    /** Meters for the containers of {@code listeners}. */
    public ZmqListenerMetricsBinder(ZmqListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        listeners.forEachContainer(c -> {
            FunctionCounter.builder("zmq.listener.retries", c, ZmqListenerContainer::getRetries)
                    .description("Attempts made again after a listener threw").tag("listener", c.getId())
                    .register(registry);
            FunctionCounter.builder("zmq.listener.dead.letters", c, ZmqListenerContainer::getDeadLettered)
                    .description("Messages sent to the dead-letter socket after their last attempt failed")
                    .tag("listener", c.getId()).register(registry);
            FunctionCounter.builder("zmq.listener.restarts", c, ZmqListenerContainer::getRestarts)
                    .description("Restarts of a listener whose socket failed").tag("listener", c.getId())
                    .register(registry);
        });
    }
}
