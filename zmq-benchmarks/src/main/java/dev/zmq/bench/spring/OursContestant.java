package dev.zmq.bench.spring;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.spring.annotation.EnableZmq;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.metrics.ZmqMetricsBinder;
import dev.zmq.spring.metrics.ZmqMeterObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import brave.Tracing;
import brave.handler.SpanHandler;
import brave.sampler.Sampler;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Objects;

/**
 * Our starter's path: {@code ZmqTemplate.convertAndSend} -> PUSH -> PULL -> {@code @ZmqListener(String)}, with
 * metrics off, with the socket meters bound (the starter's default with Micrometer present), or with per-message
 * template and listener observations timed into the registry as well ({@code zmq.observation.enabled=true}).
 */
final class OursContestant extends Contestant {

    private static @Nullable Contestant current;
    private final AnnotationConfigApplicationContext spring;
    private final ZmqTemplate template;

    /** How much observability is on. */
    enum Metrics { OFF, METERS, OBSERVATIONS, TRACED }

    OursContestant(int port, Metrics metrics) {
        current = this;
        System.setProperty("bench.port", Integer.toString(port));
        spring = new AnnotationConfigApplicationContext();
        spring.register(Config.class);
        if (metrics != Metrics.OFF) {
            spring.register(Meters.class);
        }
        if (metrics == Metrics.OBSERVATIONS || metrics == Metrics.TRACED) {
            spring.register(Observed.class);
        }
        if (metrics == Metrics.TRACED) {
            System.setProperty("bench.propagation", "true");
            spring.register(Traced.class);
        }
        spring.refresh();
        template = spring.getBean(ZmqTemplate.class);
    }

    @Override
    void send(String payload) {
        template.convertAndSend("out", payload);
    }

    @Override
    public void close() {
        spring.close();
    }

    /** The application: context, one named PUSH socket, the listener. */
    @Configuration(proxyBeanMethods = false)
    @EnableZmq
    static class Config {
        @Bean(destroyMethod = "close")
        ZmqContext zmqContext() {
            return new ZmqContext();
        }

        @Bean
        ZmqSocketRegistry sockets() {
            boolean propagation = Boolean.getBoolean("bench.propagation");
            List<String> endpoint = List.of("tcp://127.0.0.1:" + System.getProperty("bench.port"));
            return new ZmqSocketRegistry(List.of(
                    new ZmqSocketSpec("in", SocketType.PULL, endpoint, List.of(), List.of(), List.of())
                            .withPropagation(propagation),
                    new ZmqSocketSpec("out", SocketType.PUSH, List.of(), endpoint, List.of(), List.of())
                            .withPropagation(propagation)));
        }

        @Bean
        ZmqMessageConverter converter() {
            return new ZmqMessageConverter(new JsonMapper());
        }

        @Bean
        ZmqTemplate template(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter,
                             ObjectProvider<ObservationRegistry> observations) {
            ZmqTemplate t = new ZmqTemplate(context, sockets, converter);
            observations.ifAvailable(t::setObservationRegistry);
            return t;
        }

        @Bean
        ZmqListenerContainerFactory zmqListenerContainerFactory(ZmqContext context, ZmqSocketRegistry sockets,
                ZmqMessageConverter converter, ObjectProvider<ObservationRegistry> observations) {
            ZmqListenerContainerFactory f = new ZmqListenerContainerFactory(context, sockets, converter);
            observations.ifAvailable(f.getContainerProperties()::setObservationRegistry);
            return f;
        }

        @Bean
        Listener listener() {
            return new Listener();
        }
    }

    /** A meter registry with the socket meters bound. */
    @Configuration(proxyBeanMethods = false)
    static class Meters {
        @Bean
        SimpleMeterRegistry meterRegistry(ZmqContext context) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            new ZmqMetricsBinder(context).bindTo(registry);
            return registry;
        }
    }

    /** Observations of every send and every listener call, timed into the meter registry. */
    @Configuration(proxyBeanMethods = false)
    static class Observed {
        @Bean
        ObservationRegistry observationRegistry(SimpleMeterRegistry meters) {
            ObservationRegistry registry = ObservationRegistry.create();
            // as Spring Boot groups meter handlers: the first that supports a context takes it
            registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                    new ZmqMeterObservationHandler(meters, true), new DefaultMeterObservationHandler(meters)));
            return registry;
        }
    }

    /**
     * Tracing as Spring Boot sets it up with Brave: W3C propagation, every trace sampled (the worst case), the
     * tracing handlers beside the meter handlers; finished spans go nowhere (no exporter), so the cost measured is
     * making and propagating them. The sockets carry the trace envelope.
     */
    @Configuration(proxyBeanMethods = false)
    static class Traced {
        @Bean(destroyMethod = "close")
        Tracing braveTracing() {
            BraveBaggageManager baggage = new BraveBaggageManager();
            return Tracing.newBuilder().localServiceName("bench").sampler(Sampler.ALWAYS_SAMPLE)
                    .traceId128Bit(true).propagationFactory(new W3CPropagation(baggage, List.of()))
                    .addSpanHandler(new SpanHandler() { }).build();
        }

        @Bean
        Object tracingHandlers(ObservationRegistry registry, Tracing brave) {
            BraveTracer tracer = new BraveTracer(brave.tracer(),
                    new BraveCurrentTraceContext(brave.currentTraceContext()), new BraveBaggageManager());
            BravePropagator propagator = new BravePropagator(brave);
            registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                    new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                    new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                    new DefaultTracingObservationHandler(tracer)));
            return tracer;
        }
    }

    /** The annotated handler. */
    static class Listener {
        @ZmqListener(id = "bench", socket = "in")
        void on(String payload) {
            Objects.requireNonNull(current, "a contestant is running").handle(payload);
        }
    }
}
