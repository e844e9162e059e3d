package dev.zmq.spring.mongrel2;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counts the malformed requests Mongrel2 handlers dropped, as {@code zmq.mongrel2.requests.malformed}. Spring Boot
 * binds every {@link MeterBinder} bean to its registry.
 */
public final class Mongrel2MetricsBinder implements MeterBinder {

    /** The counter's name. */
    public static final String MALFORMED = "zmq.mongrel2.requests.malformed";

    private final Mongrel2RequestArgumentResolver resolver;

    public Mongrel2MetricsBinder(Mongrel2RequestArgumentResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(MALFORMED, resolver, Mongrel2RequestArgumentResolver::malformedRequests)
                .description("Mongrel2 requests dropped because they broke the handler protocol")
                .register(registry);
    }
}
