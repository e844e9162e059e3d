package dev.zmq.cli;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives {@code zmq-cli/target/zmq.jar} as a user would: a subprocess with arguments, stdin, stdout, exit code. */
class ZmqCliIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final ZmqContext context = new ZmqContext();
    private final List<Process> processes = new ArrayList<>();
    private final Map<Process, File[]> outputs = new HashMap<>();

    @AfterEach
    void tearDown() {
        processes.forEach(Process::destroyForcibly);
        context.close();
    }

    /** A finished run of the tool. */
    record Run(int exit, List<String> out, List<String> err) {
    }

    private Process start(String stdin, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", System.getProperty("zmq.jar", "target/zmq.jar")));
        cmd.addAll(List.of(args));
        Path in = Files.createTempFile("zmq-cli-stdin", ".txt");
        Files.writeString(in, stdin);
        File out = Files.createTempFile("zmq-cli-out", ".txt").toFile();
        File err = Files.createTempFile("zmq-cli-err", ".txt").toFile();
        Process p = new ProcessBuilder(cmd).redirectInput(in.toFile()).redirectOutput(out).redirectError(err).start();
        processes.add(p);
        outputs.put(p, new File[] {out, err});
        return p;
    }

    private Run finish(Process p) throws Exception {
        assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the tool exited").isTrue();
        File[] files = outputs.get(p);
        return new Run(p.exitValue(), Files.readAllLines(files[0].toPath(), StandardCharsets.UTF_8),
                Files.readAllLines(files[1].toPath(), StandardCharsets.UTF_8));
    }

    private Run run(String stdin, String... args) throws Exception {
        return finish(start(stdin, args));
    }

    private static String freeEndpoint() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "tcp://127.0.0.1:" + s.getLocalPort();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "cat -t FOO -b tcp://127.0.0.1:1; zmq: unknown socket type 'FOO'",
        "cat -t PUSH -c tcp://nohost; zmq: --connect 'tcp://nohost': malformed endpoint 'tcp://nohost': expected host:port",
        "cat -t PUSH -c tcp://127.0.0.1:1 --bogus; zmq: Unknown option: '--bogus'",
        "cat -t PUSH; zmq: give at least one -b ENDPOINT, -c ENDPOINT or -e @ENDPOINT|>ENDPOINT",
        "cat -t PUSH -e >; zmq: -e: empty endpoint in '>'",
        "cat -b tcp://127.0.0.1:1; zmq: Missing required option: '--type=TYPE'"})
    void badArgumentsExitWithTwoAndOneLineOnStderr(String args, String message) throws Exception {
        Run r = run("", args.split(" "));
        assertThat(r.exit()).isEqualTo(ZmqCli.BAD_ARGUMENTS);
        assertThat(r.err()).hasSize(1);
        assertThat(r.err().get(0)).startsWith(message);
    }

    @Test
    void pushLinesToAPullingCat() throws Exception {
        String endpoint = freeEndpoint();
        Process push = start("a\nb|c\n\n", "cat", "-t", "PUSH", "-b", endpoint);
        Run pulled = run("", "cat", "-t", "PULL", "-c", endpoint, "-n", "3");
        assertThat(finish(push).exit()).isZero();
        assertThat(pulled.exit()).isZero();
        assertThat(pulled.out()).containsExactly("a", "b|c", "");
    }

    @Test
    void reqPrintsTheReplyToEachLine() throws Exception {
        ZmqSocket rep = context.socket(SocketType.REP);
        rep.bind("tcp://127.0.0.1:*");
        CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 2; i++) {
                ZmqMessage request = rep.recv(WAIT);
                ZmqMessage.Builder reply = ZmqMessage.builder();
                request.frames().forEach(f -> reply.add(f.text().toUpperCase()));
                rep.send(reply.build());
            }
        });
        Run r = run("hello|world\nagain\n", "cat", "-t", "REQ", "-c", rep.lastEndpoint(), "--delimiter", "|");
        server.get(20, TimeUnit.SECONDS);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsExactly("HELLO|WORLD", "AGAIN");
    }

    @Test
    void routerEchoAnswersTheSender() throws Exception {
        String endpoint = freeEndpoint();
        Process router = start("", "cat", "-t", "ROUTER", "-b", endpoint, "--echo", "-n", "1", "--delimiter", ",");
        ZmqSocket dealer = context.socket(SocketType.DEALER);
        dealer.connect(endpoint);
        dealer.send(ZmqMessage.of("x", "y"));
        assertThat(dealer.recv(WAIT)).isEqualTo(ZmqMessage.of("x", "y"));
        Run r = finish(router);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).singleElement().asString().matches("0x00[0-9a-f]{8},x,y");
    }

    @Test
    void subscriberPrintsOnlyItsTopics() throws Exception {
        ZmqSocket pub = context.socket(SocketType.PUB);
        pub.bind("tcp://127.0.0.1:*");
        Process sub = start("", "cat", "-t", "SUB", "-c", pub.lastEndpoint(), "-s", "A", "-n", "3");
        for (int i = 0; sub.isAlive() && i < 2000; i++) {
            pub.send("B-" + i);
            pub.send("A-" + i);
            sub.waitFor(10, TimeUnit.MILLISECONDS);
        }
        Run r = finish(sub);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).hasSize(3).allMatch(line -> line.startsWith("A-"));
    }

    @Test
    void aRadioToolReachesADishToolOverUdp() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        Process dish = start("", "cat", "-t", "DISH", "-b", "udp://127.0.0.1:" + port, "-s", "weather", "-n", "2");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            lines.append("sports|goal\nweather|sun ").append(i).append('\n');
        }
        // datagrams sent before the DISH is bound are lost, so RADIO tools send until the DISH has its two
        for (int i = 0; dish.isAlive() && i < 20; i++) {
            Run radio = run(lines.toString(), "cat", "-t", "RADIO", "-c", "udp://127.0.0.1:" + port);
            assertThat(radio.exit()).isZero();
        }
        Run r = finish(dish);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).hasSize(2).allMatch(line -> line.startsWith("weather|sun "));
    }

    @Test
    void aDishWithoutGroupsIsABadArgument() throws Exception {
        Run r = run("", "cat", "-t", "DISH", "-b", "udp://127.0.0.1:5999");
        assertThat(r.exit()).isEqualTo(ZmqCli.BAD_ARGUMENTS);
        assertThat(r.err()).singleElement().asString().contains("give -s GROUP");
    }

    @Test
    void aServerEchoesEachClientItsOwnRequest() throws Exception {
        String endpoint = freeEndpoint();
        Process server = start("", "cat", "-t", "SERVER", "-b", endpoint, "--echo", "-n", "1");
        ZmqSocket client = context.socket(SocketType.CLIENT);
        client.connect(endpoint);
        client.send("ping");
        ZmqMessage reply = client.recv(WAIT);
        assertThat(reply).isNotNull();
        assertThat(reply.first().text()).isEqualTo("ping");
        Run r = finish(server);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsExactly("ping");
    }

    @Test
    void timeoutExitsWithThree() throws Exception {
        Run r = run("", "cat", "-t", "PULL", "-b", "tcp://127.0.0.1:*", "--timeout", "100");
        assertThat(r.exit()).isEqualTo(ZmqCli.TIMED_OUT);
    }

    @Test
    void monitorPrintsEvents() throws Exception {
        String endpoint = freeEndpoint();
        Run r = run("", "monitor", "-t", "PULL", "-b", endpoint, "--duration", "0");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).anyMatch(line -> line.contains("LISTENING PULL " + endpoint));
    }

    @Test
    void proxyForwardsBetweenItsSockets() throws Exception {
        String front = freeEndpoint();
        String back = freeEndpoint();
        start("", "proxy", "--frontend", "PULL:" + front, "--backend", "PUSH:" + back);
        ZmqSocket producer = context.socket(SocketType.PUSH);
        producer.connect(front);
        ZmqSocket consumer = context.socket(SocketType.PULL);
        consumer.connect(back);
        producer.send(ZmqMessage.of("through", "the proxy"));
        assertThat(consumer.recv(WAIT)).isEqualTo(ZmqMessage.of("through", "the proxy"));
    }

    @Test
    void proxyWithABadSpecExitsWithTwo() throws Exception {
        Run r = run("", "proxy", "--frontend", "tcp://127.0.0.1:1", "--backend", "PUSH:tcp://127.0.0.1:2");
        assertThat(r.exit()).isEqualTo(ZmqCli.BAD_ARGUMENTS);
        assertThat(r.err()).containsExactly("zmq: --frontend must be TYPE:ENDPOINTS, got 'tcp://127.0.0.1:1'");
        r = run("", "proxy", "--frontend", "PULL:tcp://127.0.0.1:1");
        assertThat(r.exit()).isEqualTo(ZmqCli.BAD_ARGUMENTS);
        assertThat(r.err()).containsExactly("zmq: Missing required option: '--backend=TYPE:ENDPOINTS'");
    }

    @ParameterizedTest
    @CsvSource({"cat", "proxy", "monitor", "keygen", "perf", "perf local-thr", "perf inproc-lat"})
    void helpWorksOnEveryCommandWithAnExample(String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        Run r = run("", args.toArray(String[]::new));
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(String.join("\n", r.out())).startsWith("Usage: zmq " + command).contains("Example");
    }

    @Test
    void endpointsWithADirectionWorkInCat() throws Exception {
        String endpoint = freeEndpoint();
        String bound = endpoint.replace("127.0.0.1", "*");
        Process pull = start("", "cat", "-t", "PULL", "-e", "@" + bound + ",@" + freeEndpoint(), "-n", "2");
        Run push = run("x\ny\n", "cat", "-t", "PUSH", "-e", ">" + endpoint);
        assertThat(push.exit()).isZero();
        Run pulled = finish(pull);
        assertThat(pulled.exit()).isZero();
        assertThat(pulled.out()).containsExactly("x", "y");

        // a bare endpoint follows czmq: a PULL binds it, a PUSH connects
        String other = freeEndpoint();
        Process bare = start("", "cat", "-t", "PULL", "-e", other, "-n", "1");
        assertThat(run("z\n", "cat", "-t", "PUSH", "-e", other).exit()).isZero();
        assertThat(finish(bare).out()).containsExactly("z");
    }

    @Test
    void forwarderBetweenALibzmqPublisherAndALibzmqSubscriber() throws Exception {
        String upstream = freeEndpoint();
        String local = freeEndpoint();
        // the guide's weather forwarder: XSUB connects upstream, XPUB binds for local subscribers
        Process proxy = start("", "proxy", "--frontend", "XSUB:>" + upstream, "--backend",
                "XPUB:@" + local.replace("127.0.0.1", "*"));
        Process pair = libzmq("""
                import sys, threading, zmq
                c = zmq.Context()
                pub = c.socket(zmq.XPUB); pub.bind(sys.argv[1])
                sub = c.socket(zmq.SUB); sub.connect(sys.argv[2]); sub.setsockopt(zmq.SUBSCRIBE, b"10001 ")
                seen = pub.recv()          # the subscription, travelled up through the proxy
                print("publisher saw", seen[0], seen[1:].decode())
                got = []
                poller = zmq.Poller(); poller.register(sub, zmq.POLLIN)
                i = 0
                while len(got) < 20:
                    pub.send_string("%s %d" % ("10001" if i % 2 else "10002", i)); i += 1
                    if poller.poll(10):
                        got.append(sub.recv_string())
                print("subscriber got", len(got), "all 10001:", all(g.startswith("10001 ") for g in got))
                """, upstream, local);
        Run r = finish(pair);
        assertThat(r.out()).containsExactly("publisher saw 1 10001 ", "subscriber got 20 all 10001: True");
        proxy.destroy();
        assertThat(proxy.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(proxy.exitValue()).isZero();
    }

    @Test
    void brokerWithALibzmqClientAndALibzmqWorkerTheProxyConnectsTo() throws Exception {
        String front = freeEndpoint();
        String workers = freeEndpoint();
        Process worker = libzmq("""
                import sys, zmq
                s = zmq.Context().socket(zmq.REP); s.bind(sys.argv[1])
                for _ in range(3): s.send(s.recv().upper())
                print("worker done")
                """, workers);
        start("", "proxy", "--frontend", "ROUTER:@" + front, "--backend", "DEALER:>" + workers);
        Process client = libzmq("""
                import sys, zmq
                s = zmq.Context().socket(zmq.REQ); s.connect(sys.argv[1])
                for w in ["a", "b", "c"]:
                    s.send_string(w); print(s.recv_string())
                """, front);
        assertThat(finish(client).out()).containsExactly("A", "B", "C");
        assertThat(finish(worker).out()).containsExactly("worker done");
    }

    @Test
    void proxyPrintsWhatItForwardedEveryIntervalAndOnExit() throws Exception {
        String front = freeEndpoint();
        String back = freeEndpoint();
        Process proxy = start("", "proxy", "--frontend", "PULL:" + front, "--backend", "PUSH:" + back,
                "--stats-interval", "100");
        ZmqSocket producer = context.socket(SocketType.PUSH);
        producer.connect(front);
        ZmqSocket consumer = context.socket(SocketType.PULL);
        consumer.connect(back);
        for (int i = 0; i < 5; i++) {
            producer.send(ZmqMessage.of("12345"));
            assertThat(consumer.recv(WAIT)).isNotNull();
        }
        File err = outputs.get(proxy)[1];
        String expected = "frontend in 5 msg / 25 B, out 0 msg / 0 B; backend in 0 msg / 0 B, out 5 msg / 25 B";
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> Files.readString(err.toPath()).contains(expected));
        proxy.destroy();   // SIGTERM
        Run r = finish(proxy);
        assertThat(r.exit()).isZero();
        assertThat(r.err().get(r.err().size() - 1)).isEqualTo("zmq proxy: " + expected);
    }

    @Test
    void binaryFramesPrintAsHex() throws Exception {
        ZmqSocket push = context.socket(SocketType.PUSH);
        push.bind("tcp://127.0.0.1:*");
        Process pull = start("", "cat", "-t", "PULL", "-c", push.lastEndpoint(), "-n", "1");
        push.send(ZmqMessage.of(new byte[] {0, 10, (byte) 0xff}, "text".getBytes()));
        Run r = finish(pull);
        assertThat(r.out()).containsExactly("0x000aff|text");
    }

    private static final String MSG_RATE = "mean throughput: [1-9][0-9]* \\[msg/s\\]";
    private static final String LATENCY = "average latency: [0-9]+\\.[0-9]{3} \\[us\\]";

    @Test
    void perfThroughputAndLatencyBetweenTwoOfOurProcessesPrintLibzmqLines() throws Exception {
        String endpoint = freeEndpoint();
        Process local = start("", "perf", "local-thr", endpoint, "64", "100000");
        Run remote = run("", "perf", "remote-thr", endpoint, "64", "100000");
        Run thr = finish(local);
        assertThat(remote.exit()).isZero();
        assertThat(thr.exit()).isZero();
        assertThat(thr.out()).startsWith("message size: 64 [B]", "message count: 100000")
                .anyMatch(l -> l.matches(MSG_RATE)).anyMatch(l -> l.matches("mean throughput: [0-9.]+ \\[Mb/s\\]"));

        endpoint = freeEndpoint();
        Process echo = start("", "perf", "local-lat", endpoint, "1", "1000");
        Run lat = run("", "perf", "remote-lat", endpoint, "1", "1000");
        assertThat(finish(echo).exit()).isZero();
        assertThat(lat.out()).containsSequence("message size: 1 [B]", "roundtrip count: 1000")
                .anyMatch(l -> l.matches(LATENCY));
    }

    @Test
    void inprocPerfToolsRunBothSidesInOneProcess() throws Exception {
        Run thr = run("", "perf", "inproc-thr", "64", "200000");
        assertThat(thr.exit()).isZero();
        assertThat(thr.out()).contains("message count: 200000").anyMatch(l -> l.matches(MSG_RATE));
        Run lat = run("", "perf", "inproc-lat", "1", "2000");
        assertThat(lat.exit()).isZero();
        assertThat(lat.out()).contains("roundtrip count: 2000").anyMatch(l -> l.matches(LATENCY));
    }

    /** Starts a libzmq (python3-zmq) script; it prints one line when done. */
    private Process libzmq(String script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
        cmd.addAll(List.of(args));
        File out = Files.createTempFile("libzmq-out", ".txt").toFile();
        File err = Files.createTempFile("libzmq-err", ".txt").toFile();
        Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).start();
        processes.add(p);
        outputs.put(p, new File[] {out, err});
        return p;
    }

    @Test
    void perfToolsWorkAgainstLibzmqOnEitherSide() throws Exception {
        String endpoint = freeEndpoint();
        Process pull = libzmq("""
                import sys, zmq
                s = zmq.Context().socket(zmq.PULL); s.bind(sys.argv[1])
                n = int(sys.argv[2]); sizes = {len(s.recv()) for _ in range(n)}
                print(n, sorted(sizes))
                """, endpoint, "50000");
        Run remote = run("", "perf", "remote-thr", endpoint, "100", "50000");
        assertThat(remote.exit()).isZero();
        assertThat(finish(pull).out()).containsExactly("50000 [100]");

        endpoint = freeEndpoint();
        Process local = start("", "perf", "local-thr", endpoint, "100", "50000");
        Process push = libzmq("""
                import sys, zmq
                c = zmq.Context(); s = c.socket(zmq.PUSH); s.connect(sys.argv[1])
                for _ in range(int(sys.argv[2])): s.send(bytes(100))
                s.close(linger=-1); c.term(); print("sent")
                """, endpoint, "50000");
        Run thr = finish(local);
        assertThat(finish(push).out()).containsExactly("sent");
        assertThat(thr.exit()).isZero();
        assertThat(thr.out()).contains("message count: 50000").anyMatch(l -> l.matches(MSG_RATE));
    }

    @Test
    void plainServerAcceptsOnlyUsersFromItsPasswordFile() throws Exception {
        Path passwords = Files.createTempFile("zmq-cli-passwords", ".txt");
        Files.writeString(passwords, "alice=s3cret\n");
        String endpoint = freeEndpoint();
        Process pull = start("", "cat", "-t", "PULL", "-b", endpoint, "--plain-passwords", passwords.toString(),
                "-n", "1", "--timeout", "15000");
        Run wrong = run("refused\n", "cat", "-t", "PUSH", "-c", endpoint, "--plain-user", "alice",
                "--plain-password", "guess", "--linger", "500");
        Run right = run("welcome\n", "cat", "-t", "PUSH", "-c", endpoint, "--plain-user", "alice",
                "--plain-password", "s3cret");
        assertThat(right.exit()).isZero();
        Run received = finish(pull);
        assertThat(received.exit()).isZero();
        assertThat(received.out()).containsExactly("welcome");
        assertThat(wrong.out()).isEmpty();
    }

    @Test
    void keygenKeysSecureACurveConversationBetweenTwoTools() throws Exception {
        Run server = run("", "keygen");
        assertThat(server.exit()).isZero();
        assertThat(server.out()).hasSize(2).allMatch(l -> l.matches("(public|secret): [0-9a-zA-Z.:+=^!/*?&<>()\\[\\]{}@%$#-]{40}"));
        String serverPublic = server.out().get(0).substring("public: ".length());
        String serverSecret = server.out().get(1).substring("secret: ".length());
        String endpoint = freeEndpoint();
        Process pull = start("", "cat", "-t", "PULL", "-b", endpoint, "--curve-server", "--curve-secretkey",
                serverSecret, "-n", "1", "--timeout", "15000");
        Run push = run("sealed\n", "cat", "-t", "PUSH", "-c", endpoint, "--curve-serverkey", serverPublic);
        assertThat(push.exit()).isZero();
        Run received = finish(pull);
        assertThat(received.out()).containsExactly("sealed");
        Run bad = run("", "cat", "-t", "PUSH", "-c", endpoint, "--curve-serverkey", "tooShort");
        assertThat(bad.exit()).isEqualTo(ZmqCli.BAD_ARGUMENTS);
        assertThat(bad.err()).singleElement().asString().contains("--curve-serverkey '(hidden)': a CURVE key must be 40 Z85 characters");
    }
}
