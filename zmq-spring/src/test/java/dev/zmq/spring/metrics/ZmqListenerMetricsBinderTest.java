package dev.zmq.spring.metrics;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.listener.ContainerProperties;
import dev.zmq.spring.listener.ZmqListenerContainer;
import dev.zmq.spring.listener.ZmqMessageListener;
import dev.zmq.spring.support.ZmqMessageConverter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Listener meters count retries and dead letters per listener, also for listeners registered after binding. */
class ZmqListenerMetricsBinderTest {

    private final ZmqContext context = new ZmqContext();
    private final ZmqListenerEndpointRegistry listeners = new ZmqListenerEndpointRegistry();

    @AfterEach
    void tearDown() {
        listeners.stop();
        context.close();
    }

    private ZmqListenerContainer container(String id, ZmqMessageListener listener, ContainerProperties properties) {
        ZmqSocketSpec spec = new ZmqSocketSpec(id, SocketType.PULL, List.of("inproc://" + id), List.of(), List.of(),
                List.of());
        return new ZmqListenerContainer(id, spec, listener, context, new ZmqMessageConverter(new JsonMapper()),
                properties);
    }

    @Test
    void retriesAndDeadLettersAreCountedPerListenerIncludingLateOnes() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        listeners.registerListenerContainer(container("early", m -> null, new ContainerProperties()));
        new ZmqListenerMetricsBinder(listeners).bindTo(meters);
        ContainerProperties failing = new ContainerProperties();
        failing.setRetryBackOff(new FixedBackOff(5, 2));
        failing.setDeadLetterPublisher((id, m, e, attempts) -> { });
        ZmqListenerContainer late = container("late", m -> {
            throw new IllegalStateException("always");
        }, failing);
        listeners.registerListenerContainer(late);
        late.start();
        ZmqSocket push = context.socket(SocketType.PUSH);
        push.connect("inproc://late");
        push.send(ZmqMessage.of("x"));
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.get("zmq.listener.dead.letters")
                .tag(ZmqListenerMetricsBinder.LISTENER_TAG, "late").functionCounter().count() == 1);
        assertThat(meters.get("zmq.listener.retries").tag(ZmqListenerMetricsBinder.LISTENER_TAG, "late").functionCounter().count()).isEqualTo(2);
        assertThat(meters.get("zmq.listener.retries").tag(ZmqListenerMetricsBinder.LISTENER_TAG, "early").functionCounter().count()).isZero();
        assertThat(meters.get("zmq.listener.restarts").tag(ZmqListenerMetricsBinder.LISTENER_TAG, "early").functionCounter().count()).isZero();
    }
}
