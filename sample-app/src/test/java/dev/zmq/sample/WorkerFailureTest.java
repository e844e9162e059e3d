package dev.zmq.sample;

import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The front survives its workers: a front and two worker processes, one of them killed with SIGKILL under load;
 * every request gets a 200 or, once its attempts are spent, a 504, never a 500 or a hang.
 */
class WorkerFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int REQUESTS = 600;

    private static Process worker(List<String> ports, String name) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-Xmx256m", "-cp", classpath, SampleApplication.class.getName(),
                "--spring.profiles.active=worker", "--sample.worker-name=" + name, "--sample.services.enabled=false",
                "--logging.level.root=WARN"));
        ports.forEach(p -> cmd.add("--" + p));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File("target/worker-" + name + ".log"))
                .start();
    }

    @Test
    void everyRequestIsAnsweredWhenAWorkerIsKilledUnderLoad() throws Exception {
        List<String> ports = FreePorts.properties();
        Process w1 = worker(ports, "w1");
        Process w2 = worker(ports, "w2");
        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<String> args = new ArrayList<>(ports.stream().map(p -> "--" + p).toList());
        args.add("--server.port=0");
        try (ConfigurableApplicationContext front = new SpringApplicationBuilder(SampleApplication.class)
                .profiles("front").run(args.toArray(new String[0]))) {
            int port = ((WebServerApplicationContext) front).getWebServer().getPort();
            ZmqSocket requests = front.getBean(ZmqContext.class).sockets().stream()
                    .filter(s -> s.name().equals("requests")).findFirst().orElseThrow();
            await().atMost(WAIT).until(() -> requests.statistics().peers().size() == 2);
            HttpClient http = HttpClient.newHttpClient();
            AtomicInteger done = new AtomicInteger();
            List<CompletableFuture<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/work/5"))
                        .timeout(WAIT).build();
                statuses.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
                    } catch (Exception e) {
                        return -1;
                    } finally {
                        done.incrementAndGet();
                    }
                }, clients));
            }
            await().atMost(WAIT).until(() -> done.get() >= REQUESTS / 10);
            w1.destroyForcibly();
            CompletableFuture.allOf(statuses.toArray(new CompletableFuture[0])).get(2, TimeUnit.MINUTES);
            Map<Integer, Long> byStatus = statuses.stream().map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            System.out.println("statuses after killing a worker under load: " + byStatus);
            assertThat(byStatus.keySet()).as("statuses %s", byStatus).isSubsetOf(200, 504);
            assertThat(byStatus.getOrDefault(200, 0L)).as("statuses %s", byStatus).isPositive();
            assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(REQUESTS);
        } finally {
            clients.shutdownNow();
            w1.destroyForcibly();
            w2.destroyForcibly();
            w1.waitFor(10, TimeUnit.SECONDS);
            w2.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
