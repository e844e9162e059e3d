package dev.zmq.spring.metrics;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.LongTaskTimer;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code zmq.template} or {@code zmq.listener} observation context gives {@link ZmqMeterObservationHandler}:
 * key values made once per socket or listener (so the handler finds its meters without building tags), and a place
 * for the timing of this one observation. Implemented by the two context types; each instance is used by one thread.
 */
public interface ZmqObservationContext {

    /** The low-cardinality key values, one instance per socket and operation or per listener. */
    KeyValues getKeyValues();

    /** This observation's start, for its meter handler. */
    Timing timing();

    /**
     * The start of one observation: the meters found for it (so its stop does not look them up again), the monotonic
     * time and the long-task-timer sample, if any.
     */
    final class Timing {
        ZmqMeterObservationHandler.@Nullable Meters meters;
        long startNanos;
        LongTaskTimer.@Nullable Sample active;
    }
}
