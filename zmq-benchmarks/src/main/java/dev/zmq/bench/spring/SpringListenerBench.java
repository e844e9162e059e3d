package dev.zmq.bench.spring;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end Spring benchmark for {@code spring-compare.sh}: a 64-byte String from a sender to a handler method
 * over loopback TCP in one JVM, for our raw core sockets ({@code core}), our {@code ZmqTemplate} ->
 * {@code @ZmqListener} ({@code ours}; {@code ours-metrics} with the socket meters bound; {@code ours-observed} with per-message
 * observations as well; {@code ours-si} our Spring Integration adapters in the same flows as {@code si}) and Spring
 * Integration's ZeroMQ adapters ({@code si}); or our template sending
 * from 1, 2 and 8 threads ({@code template}). Prints {@code key: value} lines. A command-line program.
 */
public final class SpringListenerBench {

    static final String PAYLOAD = "x".repeat(64);
    private static final Duration WARM_UP = Duration.ofSeconds(3);

    private SpringListenerBench() {
    }

    /** {@code SpringListenerBench core|ours|ours-metrics|ours-observed|ours-traced|ours-si|si|template MESSAGES}. */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        long messages = Long.parseLong(args[1]);
        int port = freePort();
        if (mode.equals("template")) {
            TemplateScaling.run(port, messages);
            System.exit(0);
        }
        try (Contestant c = switch (mode) {
            case "core" -> new CoreContestant(port);
            case "ours" -> new OursContestant(port, OursContestant.Metrics.OFF);
            case "ours-metrics" -> new OursContestant(port, OursContestant.Metrics.METERS);
            case "ours-observed" -> new OursContestant(port, OursContestant.Metrics.OBSERVATIONS);
            case "ours-traced" -> new OursContestant(port, OursContestant.Metrics.TRACED);
            case "si" -> new SpringIntegrationContestant(port);
            case "ours-si" -> new OurIntegrationContestant(port);
            default -> throw new IllegalArgumentException("mode: core|ours|ours-metrics|ours-observed|ours-traced|ours-si|si|template");
        }) {
            warmUp(c, messages);
            System.out.printf(Locale.ROOT, "throughput: %.0f msg/s%n", throughput(c, messages));
            boolean polling = mode.equals("si");
            List<Long> latencies = idleLatencies(c, polling ? 15 : 100);
            System.out.printf(Locale.ROOT, "idle latency median: %.1f us%nidle latency max: %.1f us%n",
                    latencies.get(latencies.size() / 2) / 1e3, latencies.get(latencies.size() - 1) / 1e3);
            System.out.printf(Locale.ROOT, "idle cpu: %.2f %% of a core%n", idleCpu());
        }
        System.exit(0);
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Runs batches of a tenth of the measured count until {@link #WARM_UP} has passed: the same time for every
     * contestant, so each JIT-compiles its hot path before the measured run (JeroMQ, under Spring Integration's
     * module, needs seconds for that).
     */
    private static void warmUp(Contestant c, long messages) throws InterruptedException {
        long end = System.nanoTime() + WARM_UP.toNanos();
        do {
            throughput(c, Math.max(1, messages / 10));
        } while (System.nanoTime() - end < 0);
    }

    /** Sends {@code n} messages and waits until all arrived; messages per second, first send to last arrival. */
    private static double throughput(Contestant c, long n) throws InterruptedException {
        long base = c.received.get();
        long start = System.nanoTime();
        for (long i = 0; i < n; i++) {
            c.send(PAYLOAD);
        }
        while (c.received.get() < base + n) {
            Thread.sleep(1);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** One probe at a time on an idle link, 20 ms apart: send to handler entry, sorted. */
    private static List<Long> idleLatencies(Contestant c, int samples) throws InterruptedException {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            Thread.sleep(20);
            long sent = System.nanoTime();
            c.send(Contestant.PROBE + i);
            Long entered = c.entered.poll(10, TimeUnit.SECONDS);
            if (entered == null) {
                throw new IllegalStateException("probe " + i + " never reached the handler");
            }
            out.add(entered - sent);
        }
        Collections.sort(out);
        return out;
    }

    /** Process CPU over 5 idle seconds, in percent of one core. */
    private static double idleCpu() throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(1000);
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        Thread.sleep(5000);
        return 100.0 * (os.getProcessCpuTime() - cpu) / (System.nanoTime() - wall);
    }
}
