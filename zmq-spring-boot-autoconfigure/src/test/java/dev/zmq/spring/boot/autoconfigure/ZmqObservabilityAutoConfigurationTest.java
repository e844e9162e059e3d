package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.metrics.ZmqConnectionTracker;
import dev.zmq.spring.metrics.ZmqMetricsBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics, health and endpoint auto-configurations: when they apply, when they back off. */
class ZmqObservabilityAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZmqContextAutoConfiguration.class,
                    ZmqMetricsAutoConfiguration.class, ZmqHealthAutoConfiguration.class,
                    ZmqEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=zmq");

    @Test
    void everythingIsThereWithActuatorAndMicrometer() {
        runner.run(ctx -> assertThat(ctx).hasSingleBean(ZmqMetricsBinder.class)
                .hasSingleBean(ZmqHealthIndicator.class).hasSingleBean(ZmqEndpoint.class)
                .hasSingleBean(ZmqConnectionTracker.class));
    }

    @Test
    void metersFollowSocketsOpenedAndClosedAtRuntime() {
        runner.run(ctx -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            ctx.getBean(ZmqMetricsBinder.class).bindTo(registry);
            ZmqSocket s = ctx.getBean(ZmqContext.class).socket(SocketType.PUSH, "runtime");
            assertThat(registry.find("zmq.socket.queue.depth").tag("socket", "runtime").gauges()).hasSize(2);
            s.close();
            assertThat(registry.find("zmq.socket.queue.depth").tag("socket", "runtime").gauges()).isEmpty();
            assertThat(registry.getMeters()).isEmpty();
        });
    }

    @Test
    void metricsOffByProperty() {
        runner.withPropertyValues("zmq.metrics.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(ZmqMetricsBinder.class).hasSingleBean(ZmqTemplate.class));
    }

    @Test
    void noMicrometerNoMeters() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(ZmqMetricsBinder.class));
    }

    @Test
    void withoutActuatorTheStarterStillWorks() {
        runner.withClassLoader(new FilteredClassLoader(Endpoint.class, HealthIndicator.class))
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(ZmqHealthIndicator.class)
                        .doesNotHaveBean(ZmqEndpoint.class).hasSingleBean(ZmqTemplate.class));
    }

    @Test
    void healthOffByProperty() {
        runner.withPropertyValues("management.health.zmq.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(ZmqHealthIndicator.class));
    }
}
