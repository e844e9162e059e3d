package dev.zmq.sample;

import dev.zmq.sample.front.PendingResponses;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The front and worker profiles as separate applications, and graceful shutdown with a request in flight. */
class ProfilesAndShutdownTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext start(List<String> ports, String profile, String... more) {
        List<String> args = new ArrayList<>(ports.stream().map(p -> "--" + p).toList());
        args.add("--server.port=0");
        args.addAll(List.of(more));
        SpringApplicationBuilder b = new SpringApplicationBuilder(SampleApplication.class);
        if (profile != null) {
            b.profiles(profile);
        }
        return b.run(args.toArray(new String[0]));
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void frontAndWorkerRunAsSeparateApplications() throws Exception {
        List<String> ports = FreePorts.properties();
        try (ConfigurableApplicationContext worker = start(ports, "worker", "--sample.worker-name=w-test");
             ConfigurableApplicationContext front = start(ports, "front")) {
            assertThat(worker).isNotInstanceOf(WebServerApplicationContext.class);
            int port = port(front);
            await().atMost(WAIT).ignoreExceptions().until(() -> get(port, "/hello/x").statusCode() == 200);
            HttpResponse<String> r = get(port, "/hello/separate");
            assertThat(r.body()).isEqualTo("Hello, separate!");
            assertThat(r.headers().firstValue("X-Worker").orElseThrow()).startsWith("w-test/");
            await().atMost(WAIT).ignoreExceptions().until(() -> get(port, "/quote/USDJPY").statusCode() == 200);
        }
    }

    @Test
    void gracefulShutdownFinishesTheRequestInFlight() throws Exception {
        ConfigurableApplicationContext app = start(FreePorts.properties(), null);
        int port = port(app);
        await().atMost(WAIT).ignoreExceptions().until(() -> get(port, "/hello/ready").statusCode() == 200);
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/work/1500")).build(), HttpResponse.BodyHandlers.ofString());
        PendingResponses pending = app.getBean(PendingResponses.class);
        await().atMost(WAIT).ignoreExceptions().until(() -> pending.inFlight() == 1);
        app.close();
        HttpResponse<String> r = slow.get(30, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("worked 1500 ms");
    }
}
