package dev.zmq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A short Python script run against libzmq through Debian's python3-zmq ({@code /usr/bin/python3}). */
public final class LibzmqScript {

    private LibzmqScript() {
    }

    /** Starts {@code script} with {@code args} (stderr merged into stdout). */
    public static Process start(String script, String... args) {
        return run(new ArrayList<>(), script, args);
    }

    /** Starts {@code script} inside the network namespace {@code namespace} ({@code ip netns exec}). */
    public static Process startInNamespace(String namespace, String script, String... args) {
        return run(new ArrayList<>(List.of("ip", "netns", "exec", namespace)), script, args);
    }

    private static Process run(List<String> cmd, String script, String... args) {
        cmd.addAll(List.of("/usr/bin/python3", "-c", script));
        cmd.addAll(List.of(args));
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start /usr/bin/python3 (is python3-zmq installed?)", e);
        }
    }

    /** Waits (up to 30 s) for {@code process} to exit 0 and returns what it printed, trimmed. */
    public static String finish(Process process) throws InterruptedException, IOException {
        return finish(process, 30);
    }

    /** Waits up to {@code seconds} for {@code process} to exit 0 and returns what it printed, trimmed. */
    public static String finish(Process process, long seconds) throws InterruptedException, IOException {
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("the libzmq script exited").isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
