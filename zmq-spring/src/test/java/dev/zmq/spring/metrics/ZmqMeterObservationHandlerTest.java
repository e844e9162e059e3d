package dev.zmq.spring.metrics;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast handler makes exactly the meters Micrometer's default handler makes for the same observations. */
class ZmqMeterObservationHandlerTest {

    private static final KeyValues LISTENER = KeyValues.of("listener.id", "orders", "socket", "orders-in");

    @Test
    void makesTheSameMetersAsTheDefaultHandler() {
        SimpleMeterRegistry ours = new SimpleMeterRegistry();
        SimpleMeterRegistry theirs = new SimpleMeterRegistry();
        observeTwiceAndFailOnce(registry(new ZmqMeterObservationHandler(ours, true)));
        observeTwiceAndFailOnce(registry(new DefaultMeterObservationHandler(theirs)));

        assertThat(ids(ours)).isEqualTo(ids(theirs)).hasSize(3);
        assertThat(ours.get("zmq.listener").tag("error", "none").timer().count()).isEqualTo(2);
        assertThat(ours.get("zmq.listener").tag("error", "IllegalStateException").timer().count()).isEqualTo(1);
        assertThat(ours.get("zmq.listener.active").longTaskTimer().activeTasks()).isZero();
    }

    @Test
    void countsATaskActiveWhileItRunsAndCanLeaveLongTaskTimersOut() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = registry(new ZmqMeterObservationHandler(meters, true));
        Observation running = observation(registry).start();
        assertThat(meters.get("zmq.listener.active").longTaskTimer().activeTasks()).isEqualTo(1);
        running.stop();
        assertThat(meters.get("zmq.listener.active").longTaskTimer().activeTasks()).isZero();

        SimpleMeterRegistry without = new SimpleMeterRegistry();
        observeTwiceAndFailOnce(registry(new ZmqMeterObservationHandler(without, false)));
        assertThat(without.find("zmq.listener.active").meters()).isEmpty();
        assertThat(without.get("zmq.listener").timers()).hasSize(2);
    }

    @Test
    void leavesOtherObservationsToTheNextHandler() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new ZmqMeterObservationHandler(meters, true), new DefaultMeterObservationHandler(meters)));
        Observation.createNotStarted("http.server", registry).lowCardinalityKeyValue("uri", "/x").start().stop();
        observation(registry).start().stop();
        assertThat(meters.get("http.server").tag("uri", "/x").timer().count()).isEqualTo(1);
        assertThat(meters.get("zmq.listener").timer().count()).isEqualTo(1);
    }

    private static ObservationRegistry registry(ObservationHandler<?> handler) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(handler);
        return registry;
    }

    private static Observation observation(ObservationRegistry registry) {
        ZmqListenerObservationContext context = new ZmqListenerObservationContext("orders", "orders-in", LISTENER,
                Map.of());
        return Observation.createNotStarted(null, ZmqListenerObservationConvention.DEFAULT, () -> context, registry);
    }

    private static void observeTwiceAndFailOnce(ObservationRegistry registry) {
        observation(registry).start().stop();
        observation(registry).start().stop();
        Observation failed = observation(registry).start();
        failed.error(new IllegalStateException("boom"));
        failed.stop();
    }

    private static Set<String> ids(MeterRegistry registry) {
        return registry.getMeters().stream().map(Meter::getId)
                .map(id -> id.getName() + id.getTags() + id.getType()).collect(Collectors.toSet());
    }
}
