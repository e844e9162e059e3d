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

/**
 * {@code zmq perf}: libzmq's perf tools over our sockets, printing the same lines, so either side can be ours or
 * libzmq's. Throughput: PULL binds and times first to last message, PUSH connects and sends. Latency: REP binds and
 * echoes, REQ connects and times the round trips.
 */
@Command(name = "perf", description = "Throughput and latency tools compatible with libzmq's perf programs.",
        subcommands = {PerfCommand.LocalThr.class, PerfCommand.RemoteThr.class, PerfCommand.LocalLat.class,
                PerfCommand.RemoteLat.class})
final class PerfCommand {

    /** Endpoint, message size, count: the three arguments every perf tool takes. */
    abstract static class PerfArgs implements Runnable {
        @Parameters(index = "0", paramLabel = "ENDPOINT")
        String endpoint;

        @Parameters(index = "1", paramLabel = "MESSAGE_SIZE")
        int size;

        @Parameters(index = "2", paramLabel = "COUNT")
        long count;

        static ZmqSocket socket(ZmqContext context, SocketType type) {
            return context.socket(type).set(SocketOption.SNDHWM, 0).set(SocketOption.RCVHWM, 0)
                    .set(SocketOption.LINGER, Duration.ofMillis(-1));
        }
    }

    @Command(name = "local-thr", description = "Bind a PULL, receive COUNT messages, print the throughput.")
    static final class LocalThr extends PerfArgs {
        @Override
        public void run() {
            try (ZmqContext context = new ZmqContext()) {
                ZmqSocket pull = socket(context, SocketType.PULL);
                pull.bind(endpoint);
                pull.recv();
                long start = System.nanoTime();
                for (long i = 1; i < count; i++) {
                    pull.recv();
                }
                double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
                double throughput = count / seconds;
                System.out.printf(Locale.ROOT, "message size: %d [B]%nmessage count: %d%n", size, count);
                System.out.printf(Locale.ROOT, "mean throughput: %d [msg/s]%n", (long) throughput);
                System.out.printf(Locale.ROOT, "mean throughput: %.3f [Mb/s]%n", throughput * size * 8 / 1e6);
            }
        }
    }

    @Command(name = "remote-thr", description = "Connect a PUSH and send COUNT messages of MESSAGE_SIZE bytes.")
    static final class RemoteThr extends PerfArgs {
        @Override
        public void run() {
            try (ZmqContext context = new ZmqContext()) {
                ZmqSocket push = socket(context, SocketType.PUSH);
                push.connect(endpoint);
                byte[] body = new byte[size];
                for (long i = 0; i < count; i++) {
                    push.send(ZmqMessage.of(body));
                }
            }
        }
    }

    @Command(name = "local-lat", description = "Bind a REP and echo COUNT round trips.")
    static final class LocalLat extends PerfArgs {
        @Override
        public void run() {
            try (ZmqContext context = new ZmqContext()) {
                ZmqSocket rep = socket(context, SocketType.REP);
                rep.bind(endpoint);
                for (long i = 0; i < count; i++) {
                    rep.send(rep.recv());
                }
            }
        }
    }

    @Command(name = "remote-lat", description = "Connect a REQ, time COUNT round trips, print the average latency.")
    static final class RemoteLat extends PerfArgs {
        @Override
        public void run() {
            try (ZmqContext context = new ZmqContext()) {
                ZmqSocket req = socket(context, SocketType.REQ);
                req.connect(endpoint);
                ZmqMessage m = ZmqMessage.of(new byte[size]);
                long start = System.nanoTime();
                for (long i = 0; i < count; i++) {
                    req.send(m);
                    req.recv();
                }
                double micros = (System.nanoTime() - start) / 1e3 / (count * 2.0);
                System.out.printf(Locale.ROOT, "message size: %d [B]%nroundtrip count: %d%n", size, count);
                System.out.printf(Locale.ROOT, "average latency: %.3f [us]%n", micros);
            }
        }
    }
}
