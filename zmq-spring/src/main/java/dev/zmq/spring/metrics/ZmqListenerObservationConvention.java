package dev.zmq.spring.metrics;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags {@code zmq.listener} observations; implement it (or extend the default) to change them, and give
 * it to the listener container factory. The default: name {@code zmq.listener}, contextual name
 * "{@code <socket> receive}", low-cardinality keys {@code listener.id} and {@code socket} (made once per listener).
 * The meter handler adds {@code error}. Implementations must be thread-safe.
 */
public interface ZmqListenerObservationConvention extends ObservationConvention<ZmqListenerObservationContext> {

    /** The default convention. */
    ZmqListenerObservationConvention DEFAULT = new ZmqListenerObservationConvention() {
    };

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ZmqListenerObservationContext;
    }

    @Override
    default String getName() {
        return "zmq.listener";
    }

    @Override
    default String getContextualName(ZmqListenerObservationContext context) {
        return context.getSocket() + " receive";
    }

    @Override
    default KeyValues getLowCardinalityKeyValues(ZmqListenerObservationContext context) {
        return context.getKeyValues();
    }
}
