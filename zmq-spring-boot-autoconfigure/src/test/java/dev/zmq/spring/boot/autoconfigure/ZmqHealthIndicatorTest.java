package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.listener.ContainerProperties;
import dev.zmq.spring.listener.ZmqListenerContainer;
import dev.zmq.spring.metrics.ZmqConnectionTracker;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The {@code zmq} health indicator sees listeners whose socket failed, not only sockets. */
class ZmqHealthIndicatorTest {

    private final ZmqContext context = new ZmqContext();
    private final ZmqConnectionTracker tracker = new ZmqConnectionTracker(context, Clock.systemUTC());

    @AfterEach
    void tearDown() {
        tracker.close();
        context.close();
    }

    @Test
    void aListenerWhoseSocketFailedTurnsHealthDownNamingItAndTheError() {
        ZmqSocketSpec spec = new ZmqSocketSpec("jobs", SocketType.PULL, List.of("inproc://jobs"), List.of(),
                List.of(), List.of());
        // a reply on a PULL socket fails the socket; with a back-off that never retries, the listener gives up
        ContainerProperties properties = new ContainerProperties();
        properties.setRestartBackOff(new FixedBackOff(10, 0));
        ZmqListenerContainer c = new ZmqListenerContainer("jobs-listener", spec, m -> ZmqMessage.of("reply"), context,
                new ZmqMessageConverter(new JsonMapper()), properties);
        ZmqHealthIndicator health = new ZmqHealthIndicator(context, tracker, Duration.ofSeconds(5),
                Clock.systemUTC(), () -> List.of(c));
        c.start();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        ZmqSocket push = context.socket(SocketType.PUSH);
        push.connect("inproc://jobs");
        push.send("job");
        await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.DOWN));
        Health h = health.health();
        @SuppressWarnings("unchecked")
        Map<String, String> failed = (Map<String, String>) h.getDetails().get("failedListeners");
        assertThat(failed).containsOnlyKeys("jobs-listener");
        assertThat(failed.get("jobs-listener"))
                .startsWith("gave up after 0 restarts: ZmqException ENOTSUP: PULL sockets cannot send");
        assertThat(c.isRunning()).isFalse();
    }
}
