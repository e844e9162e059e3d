package dev.zmq.sample;

import dev.zmq.spring.test.AutoConfigureZmqTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the Grafana dashboard (docs/grafana-dashboard.json) queries is one the sample really exports on
 * /actuator/prometheus, so renaming a meter breaks this build instead of the operators' dashboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@AutoConfigureZmqTest
class GrafanaDashboardTest {

    private static final Pattern METRIC = Pattern.compile("\\b(zmq_[a-z_]+)\\b");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void everyMetricTheDashboardQueriesIsExported() throws Exception {
        JsonNode dashboard = new JsonMapper().readTree(Path.of("../docs/grafana-dashboard.json").toFile());
        Set<String> queried = new TreeSet<>();
        dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> {
            Matcher m = METRIC.matcher(t.get("expr").asString());
            while (m.find()) {
                queried.add(m.group(1));
            }
        }));
        assertThat(queried).contains("zmq_socket_queue_depth", "zmq_socket_hwm", "zmq_listener_seconds_count",
                "zmq_template_seconds_sum", "zmq_socket_handshake_failures_total");

        assertThat(get("/hello/dashboard")).isEqualTo("Hello, dashboard!");   // timers exist once something ran
        Set<String> exported = Arrays.stream(get("/actuator/prometheus").split("\n"))
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
        assertThat(exported).as("metrics on /actuator/prometheus").containsAll(queried);
    }
}
