package dev.zmq.spring.metrics;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags {@code zmq.template} observations; implement it (or extend the default) to change them, and give
 * it to {@code ZmqTemplate.setObservationConvention}. The default: name {@code zmq.template}, contextual name
 * "{@code <socket> send}", low-cardinality keys {@code socket} and {@code operation} (made once per socket and
 * operation, so an observation allocates none). Implementations must be thread-safe.
 */
public interface ZmqTemplateObservationConvention extends ObservationConvention<ZmqTemplateObservationContext> {

    /** The default convention. */
    ZmqTemplateObservationConvention DEFAULT = new ZmqTemplateObservationConvention() {
    };

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ZmqTemplateObservationContext;
    }

    @Override
    default String getName() {
        return "zmq.template";
    }

    @Override
    default String getContextualName(ZmqTemplateObservationContext context) {
        return context.getSocket() + " " + context.getOperation();
    }

    @Override
    default KeyValues getLowCardinalityKeyValues(ZmqTemplateObservationContext context) {
        return context.getKeyValues();
    }
}
