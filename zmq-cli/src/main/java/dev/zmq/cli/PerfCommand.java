package dev.zmq.cli;

import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@code zmq perf}: libzmq's perf tools over our sockets, printing the same lines, so either side can be ours or
 * libzmq's. Throughput: PULL binds and times first to last message, PUSH connects and sends. Latency: REP binds and
 * echoes, REQ connects and times the round trips. Publish/subscribe: SUB binds (all topics) and times, an XPUB
 * connects, waits for the subscription, then publishes. The inproc tools run both sides in one process, on two
 * threads.
 */
@Command(name = "perf", description = "Throughput and latency tools compatible with libzmq's perf programs.",
        footer = {"%nExample:", "  zmq perf local-thr tcp://*:5555 100 1000000 & zmq perf remote-thr tcp://localhost:5555 100 1000000"},
        subcommands = {PerfCommand.LocalThr.class, PerfCommand.RemoteThr.class, PerfCommand.LocalLat.class,
                PerfCommand.RemoteLat.class, PerfCommand.InprocThr.class, PerfCommand.InprocLat.class,
                PerfCommand.LocalSub.class, PerfCommand.RemotePub.class})
final class PerfCommand {

    private static final String INPROC = "inproc://perf";

    /** Message size and count, the arguments every perf tool takes. */
    abstract static class SizeAndCount implements Runnable {
        @Parameters(index = "0", paramLabel = "MESSAGE_SIZE")
        int size;

        @Parameters(index = "1", paramLabel = "COUNT")
        long count;

        @Parameters(index = "2", arity = "0..1", defaultValue = "0", paramLabel = "WARMUP",
                description = "How many of the COUNT messages come first and are left out of the timing (default 0).")
        long warmup;
    }

    /** An endpoint before message size and count. */
    abstract static class PerfArgs implements Runnable {
        @Parameters(index = "0", paramLabel = "ENDPOINT")
        String endpoint;

        @Parameters(index = "1", paramLabel = "MESSAGE_SIZE")
        int size;

        @Parameters(index = "2", paramLabel = "COUNT")
        long count;

        @Parameters(index = "3", arity = "0..1", defaultValue = "0", paramLabel = "WARMUP",
                description = "How many of the COUNT messages (round trips) come first and are left out of the timing,"
                        + " on the timing side (default 0).")
        long warmup;
    }

    static ZmqSocket socket(ZmqContext context, SocketType type) {
        return context.socket(type).set(SocketOption.SNDHWM, 0).set(SocketOption.RCVHWM, 0)
                .set(SocketOption.LINGER, Duration.ofMillis(-1));
    }

    /**
     * Receives {@code count} messages, the first {@code warmup} untimed and the rest timed first to last, and prints
     * libzmq's local_thr lines for the timed ones; as libzmq's tool, stops with an error at a message of another size.
     */
    static void receiveAndReport(ZmqSocket pull, int size, long total, long warmup) {
        for (long i = 0; i < warmup; i++) {
            expectSize(pull.recvBytes(), size);
        }
        long count = total - warmup;
        expectSize(pull.recvBytes(), size);
        long start = System.nanoTime();
        for (long i = 1; i < count; i++) {
            expectSize(pull.recvBytes(), size);
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        double throughput = count / seconds;
        System.out.printf(Locale.ROOT, "message size: %d [B]%nmessage count: %d%n", size, count);
        System.out.printf(Locale.ROOT, "mean throughput: %d [msg/s]%n", (long) throughput);
        System.out.printf(Locale.ROOT, "mean throughput: %.3f [Mb/s]%n", throughput * size * 8 / 1e6);
    }

    private static void expectSize(byte[] message, int size) {
        if (message.length != size) {
            throw new IllegalStateException("message of " + message.length + " bytes received, " + size
                    + " expected");
        }
    }

    /** Sends {@code count} messages of {@code size} bytes. */
    static void sendAll(ZmqSocket push, int size, long count) {
        byte[] body = new byte[size];
        for (long i = 0; i < count; i++) {
            push.send(ZmqMessage.of(body));
        }
    }

    /** Echoes {@code count} requests. */
    static void echo(ZmqSocket rep, long count) {
        for (long i = 0; i < count; i++) {
            rep.send(rep.recv());
        }
    }

    /**
     * Makes {@code total} round trips, times all but the first {@code warmup} and prints libzmq's remote_lat lines
     * (half the round trip, in us).
     */
    static void roundTripsAndReport(ZmqSocket req, int size, long total, long warmup) {
        ZmqMessage m = ZmqMessage.of(new byte[size]);
        for (long i = 0; i < warmup; i++) {
            req.send(m);
            req.recv();
        }
        long count = total - warmup;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            req.send(m);
            req.recv();
        }
        double micros = (System.nanoTime() - start) / 1e3 / (count * 2.0);
        System.out.printf(Locale.ROOT, "message size: %d [B]%nroundtrip count: %d%n", size, count);
        System.out.printf(Locale.ROOT, "average latency: %.3f [us]%n", micros);
    }

    @Command(name = "local-thr", description = "Bind a PULL, receive COUNT messages, print the throughput.",
            footer = {"%nExample:", "  zmq perf local-thr tcp://*:5555 100 1000000"})
    static final class LocalThr extends PerfArgs {
        @Override
        public void run() {
            try (ZmqContext context = new ZmqContext()) {
                ZmqSocket pull = socket(context, SocketType.PULL);
                pull.bind(endpoint);
                receiveAndReport(pull, size, count, warmup);
            }
        }
    }

    @Command(name = "remote-thr", description = "Connect a PUSH and send COUNT messages of MESSAGE_SIZE bytes.",
            footer = {"%nExample:", "  zmq perf remote-thr tcp://localhost:5555 100 1000000"})
    static final class RemoteThr extends PerfArgs {
        @Override
        public void run() {
            try (ZmqContext context = new ZmqContext()) {
                ZmqSocket push = socket(context, SocketType.PUSH);
                push.connect(endpoint);
                sendAll(push, size, count);
            }
        }
    }

    @Command(name = "local-lat", description = "Bind a REP and echo COUNT round trips.",
            footer = {"%nExample:", "  zmq perf local-lat tcp://*:5556 1 100000"})
    static final class LocalLat extends PerfArgs {
        @Override
        public void run() {
            try (ZmqContext context = new ZmqContext()) {
                ZmqSocket rep = socket(context, SocketType.REP);
                rep.bind(endpoint);
                echo(rep, count);
            }
        }
    }

    @Command(name = "remote-lat", description = "Connect a REQ, time COUNT round trips, print the average latency.",
            footer = {"%nExample:", "  zmq perf remote-lat tcp://localhost:5556 1 100000"})
    static final class RemoteLat extends PerfArgs {
        @Override
        public void run() {
            try (ZmqContext context = new ZmqContext()) {
                ZmqSocket req = socket(context, SocketType.REQ);
                req.connect(endpoint);
                roundTripsAndReport(req, size, count, warmup);
            }
        }
    }

    @Command(name = "local-sub", description = "Bind a SUB to all topics, receive COUNT messages, print the throughput.",
            footer = {"%nExample:", "  zmq perf local-sub tcp://*:5557 100 1000000"})
    static final class LocalSub extends PerfArgs {
        @Override
        public void run() {
            try (ZmqContext context = new ZmqContext()) {
                ZmqSocket sub = socket(context, SocketType.SUB);
                sub.subscribe("");
                sub.bind(endpoint);
                receiveAndReport(sub, size, count, warmup);
            }
        }
    }

    @Command(name = "remote-pub", description = "Connect an XPUB, wait for a subscriber, publish COUNT messages.",
            footer = {"%nExample:", "  zmq perf remote-pub tcp://localhost:5557 100 1000000"})
    static final class RemotePub extends PerfArgs {
        @Override
        public void run() {
            try (ZmqContext context = new ZmqContext()) {
                ZmqSocket pub = socket(context, SocketType.XPUB);
                pub.connect(endpoint);
                pub.recv();
                sendAll(pub, size, count);
            }
        }
    }

    @Command(name = "inproc-thr", description = "PUSH -> PULL over inproc on two threads; print the throughput.",
            footer = {"%nExample:", "  zmq perf inproc-thr 100 1000000"})
    static final class InprocThr extends SizeAndCount {
        @Override
        public void run() {
            try (ZmqContext context = new ZmqContext()) {
                ZmqSocket pull = socket(context, SocketType.PULL);
                pull.bind(INPROC);
                ZmqSocket push = socket(context, SocketType.PUSH);
                push.connect(INPROC);
                CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> sendAll(push, size, count));
                receiveAndReport(pull, size, count, warmup);
                sender.join();
            }
        }
    }

    @Command(name = "inproc-lat", description = "REQ -> REP over inproc on two threads; print the average latency.",
            footer = {"%nExample:", "  zmq perf inproc-lat 1 100000"})
    static final class InprocLat extends SizeAndCount {
        @Override
        public void run() {
            try (ZmqContext context = new ZmqContext()) {
                ZmqSocket rep = socket(context, SocketType.REP);
                rep.bind(INPROC);
                ZmqSocket req = socket(context, SocketType.REQ);
                req.connect(INPROC);
                CompletableFuture<Void> echoer = CompletableFuture.runAsync(() -> echo(rep, count));
                roundTripsAndReport(req, size, count, warmup);
                echoer.join();
            }
        }
    }
}
