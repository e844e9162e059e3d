package dev.zmq.sample;

import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole sample in one JVM, driven over HTTP as a user would, and its live page in headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
class SampleApplicationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        for (String p : FreePorts.properties()) {
            String[] kv = p.split("=");
            registry.add(kv[0], () -> kv[1]);
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors
            .newFixedThreadPool(8)).build();
    private final JsonMapper json = new JsonMapper();

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aThousandConcurrentRequestsAreAllAnsweredEachWithItsOwnAnswer() throws Exception {
        await().atMost(WAIT).ignoreExceptions().until(() -> get("/hello/warm-up").statusCode() == 200);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello/n" + i))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> requestIds = new HashSet<>();
        Set<String> workers = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            HttpResponse<String> r = calls.get(i).get(60, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("Hello, n" + i + "!");
            requestIds.add(r.headers().firstValue("X-Request-Id").orElseThrow());
            workers.add(r.headers().firstValue("X-Worker").orElseThrow());
        }
        assertThat(requestIds).hasSize(1000);
        assertThat(workers).hasSizeGreaterThan(1);
    }

    @Test
    void quotesPricesAndTheIntegrationFlowWork() throws Exception {
        await().atMost(WAIT).ignoreExceptions().until(() -> json.readTree(get("/prices").body()).size() == 3);
        JsonNode quote = json.readTree(get("/quote/EURUSD").body());
        assertThat(quote.path("symbol").asString()).isEqualTo("EURUSD");
        assertThat(quote.path("bid").asDouble()).isLessThan(quote.path("ask").asDouble()).isPositive();
        await().atMost(WAIT).ignoreExceptions().until(() -> json.readTree(get("/stats").body()).path("GBPUSD").asLong() > 0);
        assertThat(get("/hello-nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void prometheusShowsTheSocketsQueues() throws Exception {
        String body = get("/actuator/prometheus").body();
        assertThat(body).contains("zmq_socket_queue_depth{direction=\"out\",socket=\"requests\",type=\"PUSH\"}")
                .contains("zmq_socket_hwm{direction=\"in\",socket=\"work\",type=\"PULL\"} 1000.0");
    }

    @Test
    void theLivePageChartsEverySocketWithRealNumbers() throws Exception {
        get("/hello/before-the-page");
        String chromium = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream()
                .filter(p -> new java.io.File(p).canExecute()).findFirst()
                .orElseThrow(() -> new AssertionError("headless Chromium is needed: apt-get install -y chromium"));
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--virtual-time-budget=5000", "--dump-dom",
                "http://127.0.0.1:" + port + "/").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dom).contains("ZeroMQ sockets of this application");
        JsonNode sockets = json.readTree(get("/actuator/zmq").body()).path("sockets");
        for (JsonNode s : sockets) {
            String name = s.path("name").asString();
            Matcher row = Pattern.compile("<tr data-socket=\"" + Pattern.quote(name) + "\"([^>]*)>(.*?)</tr>",
                    Pattern.DOTALL).matcher(dom);
            assertThat(row.find()).as("a row for socket %s", name).isTrue();
            assertThat(row.group(1)).containsPattern("data-hwm=\"[0-9]+\"").containsPattern("data-rate=\"[0-9]+\"");
            assertThat(row.group(2)).containsPattern("<canvas class=\"chart\"[^>]*data-points=\"([2-9]|[1-9][0-9]+)\"")
                    .contains(s.path("type").asString());
        }
        Matcher work = Pattern.compile("<tr data-socket=\"work\"[^>]*data-hwm=\"([0-9]+)\"").matcher(dom);
        assertThat(work.find()).isTrue();
        assertThat(work.group(1)).isEqualTo("1000");
    }
}
