package dev.zmq.interop;

import dev.zmq.Frame;
import dev.zmq.SocketType;
import dev.zmq.ZmqMessage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A libzmq socket in a {@code /usr/bin/python3} subprocess (Debian's python3-zmq), driven over a line protocol. */
final class LibzmqPeer implements TestPeer {

    private static final HexFormat HEX = HexFormat.of();
    private static Path script;

    private final Process process;
    private final Writer stdin;
    private final BufferedReader stdout;

    LibzmqPeer(SocketType type) {
        try {
            process = new ProcessBuilder("/usr/bin/python3", script().toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start /usr/bin/python3 (is python3-zmq installed?)", e);
        }
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        call("socket " + type.name());
    }

    private static synchronized Path script() throws IOException {
        if (script == null) {
            script = Files.createTempFile("libzmq_peer", ".py");
            try (var in = LibzmqPeer.class.getResourceAsStream("/peers/libzmq_peer.py")) {
                Files.write(script, in.readAllBytes());
            }
            script.toFile().deleteOnExit();
        }
        return script;
    }

    private String call(String command) {
        try {
            stdin.write(command);
            stdin.write('\n');
            stdin.flush();
            String line = stdout.readLine();
            if (line == null) {
                throw new IllegalStateException("libzmq peer exited while answering: " + abbreviate(command));
            }
            if (line.startsWith("error")) {
                throw new IllegalStateException("libzmq peer: " + line + " (command: " + abbreviate(command) + ")");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    static String encode(ZmqMessage m) {
        List<String> frames = new ArrayList<>();
        m.frames().forEach(f -> frames.add(HEX.formatHex(f.data())));
        return String.join(",", frames);
    }

    static ZmqMessage decode(String text) {
        ZmqMessage.Builder b = ZmqMessage.builder();
        for (String h : text.split(",", -1)) {
            b.add(Frame.wrap(HEX.parseHex(h)));
        }
        return b.build();
    }

    @Override
    public String bind(String endpoint) {
        return call("bind " + endpoint).substring(3);
    }

    @Override
    public void connect(String endpoint) {
        call("connect " + endpoint);
    }

    @Override
    public void subscribe(byte[] topic) {
        call("sub " + HEX.formatHex(topic));
    }

    @Override
    public void unsubscribe(byte[] topic) {
        call("unsub " + HEX.formatHex(topic));
    }

    @Override
    public void send(ZmqMessage message) {
        call("send " + encode(message));
    }

    @Override
    public void sendMany(int count, String prefix) {
        call("sendmany " + count + " " + prefix);
    }

    @Override
    public ZmqMessage recv(Duration timeout) {
        String line = call("recv " + timeout.toMillis());
        return line.equals("timeout") ? null : decode(line.substring(4));
    }

    @Override
    public List<ZmqMessage> recvMany(int count, Duration idle) {
        String line = call("recvmany " + count + " " + idle.toMillis());
        List<ZmqMessage> out = new ArrayList<>();
        if (line.length() > 4) {
            for (String m : line.substring(5).split(";", -1)) {
                out.add(decode(m));
            }
        }
        return out;
    }

    @Override
    public void heartbeat(int ivlMillis, int timeoutMillis) {
        call("set HEARTBEAT_IVL " + ivlMillis);
        call("set HEARTBEAT_TIMEOUT " + timeoutMillis);
    }

    @Override
    public void maxMessageSize(long bytes) {
        call("set MAXMSGSIZE " + bytes);
    }

    @Override
    public void routingId(byte[] id) {
        call("id " + HEX.formatHex(id));
    }

    @Override
    public void probeRouter() {
        call("set PROBE_ROUTER 1");
    }

    @Override
    public void ipv6() {
        call("set IPV6 1");
    }

    @Override
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                call("quit");
            } catch (RuntimeException e) {
                process.destroyForcibly();
            }
        }
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
