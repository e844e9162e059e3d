package dev.zmq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short script run against a real libzmq in another process: Python through Debian's python3-zmq
 * ({@code /usr/bin/python3}, libzmq 4.3.4 built without the draft API), or JavaScript through npm's {@code zeromq}
 * 6.8.0 (its prebuilt libzmq 4.3.5 has the draft API: CLIENT/SERVER, RADIO/DISH, {@code udp://}, ...), installed
 * into {@code .ci/libzmq-draft} by {@code .ci/run}.
 */
public final class LibzmqScript {

    private static final Path DRAFT_MODULES = Path.of(System.getProperty("user.dir")).getParent()
            .resolve(".ci/libzmq-draft/node_modules");

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

    /**
     * Starts a Node.js {@code script} against libzmq with the draft API ({@code require("zeromq/draft")}); its
     * arguments are {@code process.argv.slice(1)}. Fails with the install line when the package is missing.
     */
    public static Process startDraft(String script, String... args) {
        if (!Files.isDirectory(DRAFT_MODULES.resolve("zeromq"))) {
            throw new IllegalStateException("libzmq with the draft API is missing: run `npm ci --prefix .ci/libzmq-draft`"
                    + " (bash .ci/run does) to install npm's zeromq 6.8.0 into " + DRAFT_MODULES);
        }
        List<String> cmd = new ArrayList<>(List.of("node", "-e", script));
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().put("NODE_PATH", DRAFT_MODULES.toString());
        builder.environment().put("NODE_NO_WARNINGS", "1");
        return start(builder, "node (is nodejs installed?)");
    }

    private static Process run(List<String> cmd, String script, String... args) {
        cmd.addAll(List.of("/usr/bin/python3", "-c", script));
        cmd.addAll(List.of(args));
        return start(new ProcessBuilder(cmd).redirectErrorStream(true), "/usr/bin/python3 (is python3-zmq installed?)");
    }

    private static Process start(ProcessBuilder builder, String what) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + what, e);
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
