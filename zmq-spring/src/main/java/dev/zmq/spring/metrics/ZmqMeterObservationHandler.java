package dev.zmq.spring.metrics;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times {@code zmq.template} and {@code zmq.listener} observations into the same meters Micrometer's
 * {@code DefaultMeterObservationHandler} makes (a timer named after the observation, tagged with its key values and
 * {@code error}; a long task timer {@code <name>.active}), but finds them by the context's precomputed key values
 * instead of building tags and looking the meters up in the registry twice per message, which cost about a
 * microsecond per observation. Registered before the default handler in Boot's meter handler group, so it takes the
 * ZeroMQ contexts and leaves every other observation to the default. Key values an {@code ObservationFilter} adds
 * are not on these meters (the registry's common tags are). Thread-safe.
 */
public final class ZmqMeterObservationHandler implements MeterObservationHandler<Observation.Context> {

    private final MeterRegistry registry;
    private final boolean longTaskTimers;
    private final Map<KeyValues, Meters> meters = new ConcurrentHashMap<>();

    /** @param longTaskTimers whether {@code <name>.active} long task timers are kept (Boot's default: yes) */
    public ZmqMeterObservationHandler(MeterRegistry registry, boolean longTaskTimers) {
        this.registry = registry;
        this.longTaskTimers = longTaskTimers;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ZmqObservationContext;
    }

    @Override
    public void onStart(Observation.Context context) {
        ZmqObservationContext zmq = (ZmqObservationContext) context;
        ZmqObservationContext.Timing timing = zmq.timing();
        Meters m = meters(Objects.requireNonNull(context.getName(), "a started observation has a name"),
                zmq.getKeyValues());
        timing.meters = m;
        timing.active = m.active == null ? null : m.active.start();
        timing.startNanos = registry.config().clock().monotonicTime();
    }

    @Override
    public void onStop(Observation.Context context) {
        ZmqObservationContext zmq = (ZmqObservationContext) context;
        ZmqObservationContext.Timing timing = zmq.timing();
        long elapsed = registry.config().clock().monotonicTime() - timing.startNanos;
        Throwable error = context.getError();
        Objects.requireNonNull(timing.meters, "an observation is stopped after it started").timer(error == null ? "none" : error.getClass().getSimpleName()).record(elapsed, TimeUnit.NANOSECONDS);
        if (timing.active != null) {
            timing.active.stop();
        }
    }

    private Meters meters(String name, KeyValues keyValues) {
        Meters m = meters.get(keyValues);
        if (m == null || !m.name.equals(name)) {
            m = meters.compute(keyValues, (k, old) -> old != null && old.name.equals(name) ? old : new Meters(name, k));
        }
        return m;
    }

    /** The meters of one observation name and key values: a timer per error, the long task timer. */
    final class Meters {
        final String name;
        final Tags tags;
        final @Nullable LongTaskTimer active;
        final Map<String, Timer> timers = new ConcurrentHashMap<>();

        Meters(String name, KeyValues keyValues) {
            this.name = name;
            Tags t = Tags.empty();
            for (KeyValue kv : keyValues) {
                t = t.and(kv.getKey(), kv.getValue());
            }
            this.tags = t;
            this.active = longTaskTimers ? LongTaskTimer.builder(name + ".active").tags(t).register(registry) : null;
        }

        Timer timer(String error) {
            Timer timer = timers.get(error);
            return timer != null ? timer : timers.computeIfAbsent(error,
                    e -> Timer.builder(name).tags(tags).tag("error", e).register(registry));
        }
    }
}
