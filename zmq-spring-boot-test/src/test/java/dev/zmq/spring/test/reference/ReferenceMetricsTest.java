package dev.zmq.spring.test.reference;

import dev.zmq.spring.core.ZmqOperations;
import dev.zmq.spring.metrics.ZmqListenerMetricsBinder;
import dev.zmq.spring.test.AutoConfigureZmqTest;
import dev.zmq.spring.test.ZmqTestHarness;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The meters and tags the metrics page lists, after one message from the template to a listener. */
@SpringBootTest(classes = MetricsApplication.class)
@AutoConfigureZmqTest
class ReferenceMetricsTest {

    @Autowired
    MeterRegistry registry;
    @Autowired
    ZmqOperations zmq;
    @Autowired
    ZmqTestHarness harness;

    @Test
    void oneMessageFromTemplateToListener() {
        zmq.send("orders", new Order("tea", 3));
        harness.awaitInvocation("order-intake");
        await().until(() -> {                      // the timer records when the listener's observation stops
            Timer timer = registry.find("zmq.listener").tag("listener.id", "order-intake").timer();
            return timer != null && timer.count() == 1;
        });

        // tag::read-meters[]
        double sent = registry.get("zmq.template").tag("socket", "orders").tag("operation", "send")
                .tag("error", "none").timer().count();
        double handled = registry.get("zmq.listener").tag("listener.id", "order-intake")
                .tag("socket", "order-intake").tag("error", "none").timer().count();
        double received = registry.get("zmq.socket.messages").tag("socket", "order-intake").tag("type", "PULL")
                .tag("direction", "in").functionCounter().count();
        double retried = registry.get("zmq.listener.retries").tag("listener.id", "order-intake")
                .functionCounter().count();
        // end::read-meters[]

        assertThat(sent).isEqualTo(1);
        assertThat(handled).isEqualTo(1);
        assertThat(received).isEqualTo(1);
        assertThat(retried).isZero();
    }

    @Test
    void everyMeterIsTaggedWithTheDocumentedTagsOnly() {
        zmq.open("orders");
        await().until(() -> registry.find("zmq.socket.hwm").tag("socket", "orders").gauges().size() == 2);
        registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("zmq.")).forEach(m -> {
            String name = m.getId().getName();
            var tags = m.getId().getTags().stream().map(Tag::getKey).toList();
            if (name.startsWith("zmq.socket.")) {
                assertThat(tags).as(name).contains("socket", "type").isSubsetOf("socket", "type", "direction",
                        "reason");
            } else if (name.startsWith("zmq.listener")) {
                assertThat(tags).as(name).contains(ZmqListenerMetricsBinder.LISTENER_TAG)
                        .isSubsetOf(ZmqListenerMetricsBinder.LISTENER_TAG, "socket", "error");
            } else {
                assertThat(name).startsWith("zmq.template");
                assertThat(tags).as(name).isSubsetOf("socket", "operation", "error");
            }
        });
        assertThat(registry.find("zmq.socket.dropped").tag("socket", "orders").counters()).isEmpty();
        assertThat(registry.find("zmq.socket.dropped").tag("socket", "orders").functionCounters())
                .extracting(c -> c.getId().getTag("reason")).containsExactlyInAnyOrder("hwm", "no-route", "max-size");
        assertThat(registry.find("zmq.socket.handshake.failures").tag("socket", "orders").functionCounters())
                .extracting(c -> c.getId().getTag("reason"))
                .containsExactlyInAnyOrder("socket-type", "mechanism", "timeout", "connection", "protocol");
        assertThat(registry.find("zmq.socket.swap.bytes").tag("socket", "orders").gauge()).isNotNull();
        assertThat(registry.find("zmq.socket.peers").tag("socket", "orders").gauge()).isNotNull();
        assertThat(registry.find("zmq.socket.reconnects").tag("socket", "orders").functionCounter()).isNotNull();
        assertThat(registry.find("zmq.socket.queue.utilization").tag("socket", "orders").gauges()).hasSize(2);
        assertThat(registry.find("zmq.socket.bytes").tag("socket", "orders").functionCounters()).hasSize(2);
        assertThat(registry.find("zmq.socket.queue.depth.max").tag("socket", "orders").gauges()).hasSize(2);
        assertThat(registry.find("zmq.listener.dead.letters").tag("listener.id", "order-intake").functionCounter())
                .isNotNull();
        assertThat(registry.find("zmq.listener.restarts").tag("listener.id", "order-intake").functionCounter())
                .isNotNull();
    }
}
