package dev.zmq.sample;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged sample, built with Spring AOT processing, started with {@code -Dspring.aot.enabled=true} on this JVM:
 * it must say it runs AOT-processed, and answer HTTP requests through ZeroMQ: its worker (PUSH to the worker's PULL
 * listener, PUB back to the front's SUB listener) and its quote service (REQ to a REP listener, JSON both ways). There is no GraalVM here, so this is the JVM's AOT mode only.
 */
class AotStartupIT {

    private Process app;
    private Path log;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void theAotProcessedJarAnswersThroughAZeroMqWorker() throws Exception {
        Path jar = Path.of(System.getProperty("sample.jar"));
        assertThat(jar).exists();
        int http = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=" + http));
        FreePorts.properties().forEach(p -> command.add("--" + p));
        log = Files.createTempFile("sample-aot", ".log");
        app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

        HttpClient client = HttpClient.newHttpClient();
        HttpRequest hello = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/hello/aot"))
                .timeout(Duration.ofSeconds(5)).build();
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
            assertThat(app.isAlive()).as(this::output).isTrue();
            return client.send(hello, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        });
        HttpResponse<String> answer = client.send(hello, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).isEqualTo("Hello, aot!");
        assertThat(answer.headers().firstValue("X-Worker")).hasValueSatisfying(w -> assertThat(w).isNotBlank());
        HttpResponse<String> quote = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http
                + "/quote/EURUSD")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(quote.statusCode()).isEqualTo(200);
        assertThat(quote.body()).contains("\"symbol\":\"EURUSD\"").contains("\"bid\"");
        assertThat(output()).contains("Starting AOT-processed SampleApplication");
    }

    private String output() {
        try (InputStream in = Files.newInputStream(log)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
