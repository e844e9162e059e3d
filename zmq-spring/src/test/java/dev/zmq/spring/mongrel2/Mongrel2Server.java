package dev.zmq.spring.mongrel2;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real Mongrel2 (Debian's {@code mongrel2-core}) for tests: writes a config into a directory with {@code logs/},
 * {@code run/} and {@code tmp/}, loads it with {@code m2sh load}, starts it with {@code m2sh start}, waits for its
 * HTTP port and stops it by the pid it writes to {@code run/mongrel2.pid}. Mongrel2 chroots into that directory (the
 * tests run as root), so its upload files are under {@code tmp/} there. Skips the test, saying why, when
 * {@code m2sh} is not installed ({@code .ci/run} installs it).
 */
final class Mongrel2Server implements AutoCloseable {

    /** The server's UUID: every request carries it, every reply names it. */
    static final String UUID = "f400bf85-4538-4f7a-8908-67e313d515c2";

    /** One handler route: requests PUSHed on {@code sendPort}, replies taken from a SUB bound on {@code recvPort}. */
    record Route(String path, int sendPort, int recvPort, String protocol) {
    }

    private final Path dir;
    private final int httpPort;
    private final Process starter;

    private Mongrel2Server(Path dir, int httpPort, Process starter) {
        this.dir = dir;
        this.httpPort = httpPort;
        this.starter = starter;
    }

    /**
     * Starts Mongrel2 in {@code dir} on {@code httpPort}, with a handler per route and {@code contentLimit} as the
     * body size above which requests come as upload notices with the body in a file.
     */
    static Mongrel2Server start(Path dir, int httpPort, long contentLimit, List<Route> routes) throws Exception {
        Assumptions.assumeTrue(m2shInstalled(),
                "m2sh is not installed: apt-get install mongrel2-core (.ci/run installs it) to run the Mongrel2 tests");
        for (String d : List.of("logs", "run", "tmp")) {
            Files.createDirectories(dir.resolve(d));
        }
        StringBuilder conf = new StringBuilder();
        StringBuilder routing = new StringBuilder();
        for (int i = 0; i < routes.size(); i++) {
            Route r = routes.get(i);
            conf.append("h").append(i).append(" = Handler(send_spec='tcp://127.0.0.1:").append(r.sendPort())
                    .append("', send_ident='8b5c3f1e-0d4e-4b5a-9a52-6f0c8e0f1a0").append(i)
                    .append("', recv_spec='tcp://127.0.0.1:").append(r.recvPort()).append("', recv_ident='', protocol='")
                    .append(r.protocol()).append("')\n");
            routing.append(i == 0 ? "" : ", ").append('\'').append(r.path()).append("': h").append(i);
        }
        conf.append("main = Server(uuid='").append(UUID).append("', access_log='/logs/access.log',")
                .append(" error_log='/logs/error.log', chroot='./', default_host='localhost', name='test',")
                .append(" pid_file='/run/mongrel2.pid', bind_addr='127.0.0.1', port=").append(httpPort)
                .append(", hosts=[Host(name='localhost', routes={").append(routing).append("})])\n")
                .append("settings = {'limits.content_length': ").append(contentLimit)
                .append(", 'upload.temp_store': '/tmp/upload.XXXXXX'}\n")
                .append("servers = [main]\n");
        Files.writeString(dir.resolve("m2.conf"), conf.toString());
        Process load = new ProcessBuilder("m2sh", "load", "-config", "m2.conf", "-db", "config.sqlite")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("logs/load.out").toFile())
                .start();
        if (!load.waitFor(30, TimeUnit.SECONDS) || load.exitValue() != 0) {
            throw new IllegalStateException("m2sh load failed: " + Files.readString(dir.resolve("logs/load.out")));
        }
        Process starter = new ProcessBuilder("m2sh", "start", "-db", "config.sqlite", "-name", "test")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("logs/start.out").toFile())
                .start();
        Mongrel2Server server = new Mongrel2Server(dir, httpPort, starter);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> server.listening() && server.pid().isPresent());
        } catch (RuntimeException notUp) {
            server.close();
            throw new IllegalStateException("Mongrel2 did not come up: " + Files.readString(dir.resolve("logs/start.out"))
                    + readIfThere(dir.resolve("logs/error.log")), notUp);
        }
        return server;
    }

    int httpPort() {
        return httpPort;
    }

    /** The directory Mongrel2 runs (chroots) in. */
    Path chroot() {
        return dir;
    }

    /** What Mongrel2 logged, for failure messages. */
    String errorLog() {
        return readIfThere(dir.resolve("logs/error.log"));
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", httpPort), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private Optional<ProcessHandle> pid() {
        try {
            String text = Files.readString(dir.resolve("run/mongrel2.pid")).trim();
            return text.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException notYet) {
            return Optional.empty();
        }
    }

    /** Stops Mongrel2 by its pid (TERM, then KILL after 10 s) and the {@code m2sh} that started it. */
    @Override
    public void close() {
        pid().ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                p.destroyForcibly();
            }
        });
        starter.destroy();
    }

    /** A free loopback port: a probe binds port 0 and lets it go. */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return probe.getLocalPort();
        }
    }

    private static boolean m2shInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "m2sh"))) {
                return true;
            }
        }
        return false;
    }

    private static String readIfThere(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
