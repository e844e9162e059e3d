package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.ErrorCode;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.core.ZmqTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator sees: Prometheus metrics for queues and drops, health, and the {@code zmq} endpoint. */
@SpringBootTest(classes = ZmqActuatorTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=health,prometheus,zmq",
            "management.endpoint.health.show-details=always",
            "zmq.defaults.receive-hwm=50",
            "zmq.sockets.jobs.type=PUSH", "zmq.sockets.jobs.connect=inproc://jobs",
            "zmq.sockets.jobs.send-hwm=50", "zmq.sockets.jobs.send-timeout=0s",
            "zmq.sockets.ticks.type=PUB", "zmq.sockets.ticks.bind=inproc://ticks", "zmq.sockets.ticks.send-hwm=10",
            "zmq.sockets.feed.type=SUB", "zmq.sockets.feed.topics=",
            "zmq.sockets.ticks-probe.type=PUSH", "zmq.sockets.ticks-probe.connect=inproc://probe",
            "zmq.health.connect-grace-period=100ms", "zmq.metrics.observations=true"})
@AutoConfigureMetrics
class ZmqActuatorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int FEED_PORT = freePort();
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final CountDownLatch ENTERED = new CountDownLatch(1);

    @DynamicPropertySource
    static void feed(DynamicPropertyRegistry registry) {
        registry.add("zmq.sockets.feed.connect", () -> "tcp://127.0.0.1:" + FEED_PORT);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ZmqTemplate template;
    @Autowired
    ZmqContext context;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = new JsonMapper();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private double metric(String name, String... labels) throws Exception {
        String body = get("/actuator/prometheus").body();
        for (String line : body.split("\n")) {
            if (line.startsWith(name + "{") && java.util.Arrays.stream(labels).allMatch(line::contains)) {
                Matcher m = Pattern.compile("} ([0-9.E+-]+)$").matcher(line);
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
            }
        }
        return Double.NaN;
    }

    @Test
    void queueDepthClimbsToTheHwmWhileTheConsumerStallsThenFallsToZero() throws Exception {
        template.convertAndSend("jobs", "first");
        assertThat(ENTERED.await(20, TimeUnit.SECONDS)).isTrue();
        int sent = 0;
        try {
            while (sent < 10_000) {
                template.convertAndSend("jobs", "job-" + sent);
                sent++;
            }
        } catch (ZmqException full) {
            assertThat(full.code()).isEqualTo(ErrorCode.EAGAIN);
        }
        assertThat(sent).as("with one message in the listener's hands, the inproc pipe holds SNDHWM + RCVHWM")
                .isEqualTo(100);
        String jobs = "socket=\"jobs\"";
        await().atMost(WAIT).until(() -> metric("zmq_socket_queue_depth", jobs, "direction=\"out\"") == 100);
        assertThat(metric("zmq_socket_hwm", jobs, "direction=\"out\"")).isEqualTo(50);
        assertThat(metric("zmq_socket_queue_utilization", jobs, "direction=\"out\"")).isEqualTo(1.0);

        for (int i = 0; i < 200; i++) {
            template.send("ticks", "t", "tick-" + i);
        }
        String ticks = "socket=\"ticks\"";
        await().atMost(WAIT).until(() -> metric("zmq_socket_dropped_total", ticks, "reason=\"hwm\"") >= 140);

        RELEASE.countDown();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(metric("zmq_socket_queue_depth", jobs, "direction=\"out\"")).isZero();
            assertThat(metric("zmq_socket_queue_depth", "socket=\"slow\"", "direction=\"in\"")).isZero();
        });
        await().atMost(WAIT).until(() -> metric("zmq_listener_seconds_count", "listener_id=\"slow\"",
                "error=\"none\"") == 101);
        assertThat(metric("zmq_socket_messages_total", jobs, "direction=\"out\"")).isEqualTo(101);
    }

    @Test
    void healthIsDownWhileAConnectedPeerIsMissingAndUpWhenItComes() throws Exception {
        template.send("ticks", "t", "opens the PUB that ticks-slow connects to");
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/actuator/health/zmq").statusCode())
                .as(get("/actuator/health/zmq").body()).isEqualTo(503));
        JsonNode down = json.readTree(get("/actuator/health/zmq").body());
        assertThat(down.path("status").asString()).isEqualTo("DOWN");
        String feed = "tcp://127.0.0.1:" + FEED_PORT;
        assertThat(down.path("details").path("sockets").path("feed").path("connected").path(feed).asString())
                .startsWith("DOWN");
        try (ZmqContext other = new ZmqContext()) {
            ZmqSocket pub = other.socket(SocketType.PUB);
            pub.bind(feed);
            await().atMost(WAIT).until(() -> get("/actuator/health/zmq").statusCode() == 200);
            JsonNode up = json.readTree(get("/actuator/health/zmq").body());
            assertThat(up.path("status").asString()).isEqualTo("UP");
            assertThat(up.path("details").path("sockets").path("feed").path("connected").path(feed).asString())
                    .isEqualTo("connected");
            pub.close();
            await().atMost(WAIT).until(() -> get("/actuator/health/zmq").statusCode() == 503);
        }
    }

    @Test
    void theEndpointDescribesEverySocketFieldByField() throws Exception {
        template.convertAndSend("ticks-probe", "x");
        JsonNode all = json.readTree(get("/actuator/zmq").body());
        assertThat(all.path("sockets").findValuesAsString("name")).contains("slow", "ticks-slow", "feed",
                "ticks-probe");
        JsonNode probe = json.readTree(get("/actuator/zmq/ticks-probe").body());
        assertThat(probe.path("name").asString()).isEqualTo("ticks-probe");
        assertThat(probe.path("type").asString()).isEqualTo("PUSH");
        assertThat(probe.path("bound").isEmpty()).isTrue();
        assertThat(probe.path("connected").get(0).path("endpoint").asString()).isEqualTo("inproc://probe");
        assertThat(probe.path("connected").get(0).path("up").asBoolean()).isTrue();
        assertThat(probe.path("hwm").path("out").asLong()).isEqualTo(1000);
        assertThat(probe.path("hwm").path("in").asLong()).isEqualTo(50);
        await().atMost(WAIT).until(() -> json.readTree(get("/actuator/zmq/ticks-probe").body())
                .path("messages").path("out").asLong() == 1);
        probe = json.readTree(get("/actuator/zmq/ticks-probe").body());
        assertThat(probe.path("queued").path("out").asLong()).isBetween(0L, 1L);
        assertThat(probe.path("bytes").path("out").asLong()).isEqualTo(1);
        assertThat(probe.path("dropped").path("hwm").asLong()).isZero();
        assertThat(probe.path("dropped").has("no-route")).isTrue();
        assertThat(probe.path("dropped").has("max-size")).isTrue();
        assertThat(probe.path("reconnects").asLong()).isZero();
        assertThat(probe.path("handshakeFailures").path("socket-type").asLong()).isZero();
        JsonNode peer = probe.path("peers").get(0);
        assertThat(peer.path("endpoint").asString()).isEqualTo("inproc://probe");
        assertThat(peer.has("mechanism")).isTrue();
        assertThat(peer.path("userId").asString()).isEmpty();
        assertThat(peer.path("hwm").path("out").asLong()).isEqualTo(1050);
        assertThat(peer.path("messages").path("out").asLong()).isEqualTo(1);
        assertThat(get("/actuator/zmq/no-such-socket").statusCode()).isEqualTo(404);
    }

    /** Listeners that stall until the queue test releases them. */
    static class Stalled {
        @ZmqListener(id = "slow", type = "PULL", bind = "inproc://jobs")
        void job(String job) throws InterruptedException {
            ENTERED.countDown();
            assertThat(RELEASE.await(60, TimeUnit.SECONDS)).isTrue();
        }

        @ZmqListener(id = "ticks-slow", type = "SUB", connect = "inproc://ticks", topics = "t")
        void tick(String tick) throws InterruptedException {
            assertThat(RELEASE.await(60, TimeUnit.SECONDS)).isTrue();
        }

        @ZmqListener(id = "probe", type = "PULL", bind = "inproc://probe")
        void probe(String x) {
        }

        @ZmqListener(socket = "feed")
        void feed(String x) {
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Stalled stalled() {
            return new Stalled();
        }
    }
}
