package dev.zmq.majordomo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * One role of {@code peers/mdp_peer.py} (an MDP/0.1 broker, worker or client written from RFC 7 on Debian's pyzmq)
 * in a {@code /usr/bin/python3} process of its own, whose output lines the test waits on.
 */
final class MdpPeer implements AutoCloseable {

    private static Path script;

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private MdpPeer(String... args) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", script().toString()));
        cmd.addAll(List.of(args));
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start /usr/bin/python3 (is python3-zmq installed?)", e);
        }
        Thread reader = new Thread(() -> read(process.getInputStream()), "mdp-peer-" + args[0]);
        reader.setDaemon(true);
        reader.start();
    }

    static MdpPeer broker(String endpoint, Duration heartbeat) {
        return new MdpPeer("broker", endpoint, Long.toString(heartbeat.toMillis()));
    }

    static MdpPeer worker(String broker, String service, Duration heartbeat, String mode) {
        return new MdpPeer("worker", broker, service, Long.toString(heartbeat.toMillis()), mode);
    }

    static MdpPeer client(String broker, String service, int count, Duration timeout, int retries) {
        return new MdpPeer("client", broker, service, Integer.toString(count), Long.toString(timeout.toMillis()),
                Integer.toString(retries));
    }

    static MdpPeer mmi(String broker, String service) {
        return new MdpPeer("mmi", broker, service);
    }

    private static synchronized Path script() {
        if (script == null) {
            try (InputStream in = MdpPeer.class.getResourceAsStream("/peers/mdp_peer.py")) {
                script = Files.createTempFile("mdp_peer", ".py");
                Files.write(script, in.readAllBytes());
                script.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    private void read(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("io error " + e);
        }
    }

    /** What the peer printed so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits (up to {@code wait}) for a line matching {@code match} and returns the first. */
    String awaitLine(Predicate<String> match, Duration wait) {
        await().atMost(wait).until(() -> lines.stream().anyMatch(match));
        return lines.stream().filter(match).findFirst().orElseThrow();
    }

    /** Waits until {@code count} lines match {@code match}. */
    List<String> awaitLines(Predicate<String> match, int count, Duration wait) {
        await().atMost(wait).until(() -> lines.stream().filter(match).count() >= count);
        return lines.stream().filter(match).toList();
    }

    /** Waits for the process to exit 0 (client and mmi roles end by themselves). */
    void awaitExit(Duration wait) throws InterruptedException {
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            throw new AssertionError("the MDP peer did not exit cleanly: " + lines);
        }
    }

    /** SIGKILL: the process dies at once, its sockets with it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
