package dev.zmq.bench;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * JeroMQ 0.6.0 under the same perf-tool interface as ours and libzmq's, for compare.sh:
 * {@code JeromqPerf local-thr|remote-thr|local-lat|remote-lat|local-sub|remote-pub ENDPOINT MESSAGE_SIZE COUNT
 * [WARMUP]} and {@code JeromqPerf inproc-thr|inproc-lat MESSAGE_SIZE COUNT [WARMUP]} (the timing side leaves the first
 * WARMUP of the COUNT messages out of its timing), and {@code JeromqPerf fanout MESSAGE_SIZE COUNT
 * SUBSCRIBERS} (see {@link Fanout}), and {@code JeromqPerf idle-push|idle-req WARMUP PROBES} (see
 * {@link IdleLatency}), and {@code JeromqPerf many-peers ENDPOINT PEERS MESSAGES} (see {@link ManyPeersListener}). A
 * command-line program; exits 2 on bad arguments.
 */
public final class JeromqPerf {

    private final int size;
    private final long count;
    /** Of {@link #count}, the first messages (round trips) the timing side leaves out of its timing. */
    private final long warmup;

    private JeromqPerf(int size, long count, long warmup) {
        this.size = size;
        this.count = count;
        this.warmup = warmup;
    }

    /** Runs one perf tool. */
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        if (mode.equals("fanout") && args.length == 4) {
            fanout(Integer.parseInt(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]));
            return;
        }
        if (mode.equals("many-peers") && args.length == 4) {
            manyPeers(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]));
            return;
        }
        if (mode.startsWith("idle-") && args.length == 3) {
            idle(mode.equals("idle-push"), Long.parseLong(args[1]), Integer.parseInt(args[2]));
            return;
        }
        boolean inproc = mode.startsWith("inproc");
        int base = inproc ? 3 : 4;
        if (args.length != base && args.length != base + 1) {
            System.err.println("usage: JeromqPerf local-thr|remote-thr|local-lat|remote-lat|local-sub|remote-pub"
                    + " ENDPOINT SIZE COUNT [WARMUP] | inproc-thr|inproc-lat SIZE COUNT [WARMUP]"
                    + " | fanout SIZE COUNT SUBSCRIBERS"
                    + " | idle-push|idle-req WARMUP PROBES | many-peers ENDPOINT PEERS MESSAGES");
            System.exit(2);
        }
        String endpoint = inproc ? "inproc://perf" : args[1];
        JeromqPerf perf = new JeromqPerf(Integer.parseInt(args[inproc ? 1 : 2]), Long.parseLong(args[inproc ? 2 : 3]),
                args.length > base ? Long.parseLong(args[base]) : 0);
        try (ZContext context = new ZContext(1)) {
            switch (mode) {
                case "local-thr", "local-sub" -> {
                    ZMQ.Socket s = socket(context, mode.equals("local-sub") ? SocketType.SUB : SocketType.PULL);
                    if (mode.equals("local-sub")) {
                        s.subscribe(new byte[0]);
                    }
                    s.bind(endpoint);
                    perf.receiveAndReport(s);
                }
                case "remote-thr", "remote-pub" -> {
                    ZMQ.Socket s = socket(context, mode.equals("remote-pub") ? SocketType.XPUB : SocketType.PUSH);
                    s.connect(endpoint);
                    if (mode.equals("remote-pub")) {
                        s.recv(0);
                    }
                    perf.sendAll(s);
                }
                case "local-lat" -> {
                    ZMQ.Socket s = socket(context, SocketType.REP);
                    s.bind(endpoint);
                    perf.echo(s);
                }
                case "remote-lat" -> {
                    ZMQ.Socket s = socket(context, SocketType.REQ);
                    s.connect(endpoint);
                    perf.roundTripsAndReport(s);
                }
                case "inproc-thr", "inproc-lat" -> {
                    boolean thr = mode.equals("inproc-thr");
                    ZMQ.Socket local = socket(context, thr ? SocketType.PULL : SocketType.REP);
                    ZMQ.Socket remote = socket(context, thr ? SocketType.PUSH : SocketType.REQ);
                    local.bind(endpoint);
                    remote.connect(endpoint);
                    CompletableFuture<Void> other = thr ? CompletableFuture.runAsync(() -> perf.sendAll(remote))
                            : CompletableFuture.runAsync(() -> perf.echo(local));
                    if (thr) {
                        perf.receiveAndReport(local);
                    } else {
                        perf.roundTripsAndReport(remote);
                    }
                    other.join();
                }
                default -> {
                    System.err.println("JeromqPerf: unknown mode " + mode);
                    System.exit(2);
                }
            }
        }
    }

    /** The listener of {@code many-peers.py} (see {@link ManyPeersListener}, whose protocol it speaks). */
    private static void manyPeers(String endpoint, int peers, long messages) throws java.io.IOException {
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            pull.bind(endpoint);
            ZMQ.Socket push = context.createSocket(SocketType.PUSH);
            push.connect(endpoint);
            push.send("warm-up");
            pull.recv(0);
            context.destroySocket(push);
            MemoryReport.print("baseline");
            for (int hellos = 0; hellos < peers; ) {
                if (pull.recv(0).length == 5) {
                    hellos++;
                }
            }
            MemoryReport.print("connected");
            for (long n = 0; n < (long) peers * messages; n++) {
                pull.recv(0);
            }
            System.out.println("delivered");
        }
    }

    /** Idle-link latency (PUSH/PULL one way, or REQ/REP round trips) in one context, measured by {@link IdleLatency}. */
    private static void idle(boolean push, long warmup, int probes) {
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket local = context.createSocket(push ? SocketType.PULL : SocketType.REP);
            int port = local.bindToRandomPort("tcp://127.0.0.1");
            ZMQ.Socket remote = context.createSocket(push ? SocketType.PUSH : SocketType.REQ);
            remote.connect("tcp://127.0.0.1:" + port);
            if (push) {
                IdleLatency.oneWay(body -> remote.send(body, 0), () -> local.recv(0), warmup, probes);
            } else {
                Thread echo = new Thread(() -> {
                    for (long i = 0; i < warmup + warmup / 100 + probes; i++) {
                        local.send(local.recv(0), 0);
                    }
                });
                echo.start();
                IdleLatency.roundTrip(body -> remote.send(body, 0), () -> remote.recv(0), warmup, probes);
            }
        }
    }

    /** One PUB and {@code subscribers} SUB sockets in another context, measured by {@link Fanout}. */
    private static void fanout(int size, long count, int subscribers) throws InterruptedException {
        try (ZContext pubContext = new ZContext(1); ZContext subContext = new ZContext(1)) {
            ZMQ.Socket pub = socket(pubContext, SocketType.PUB);
            pub.bind("tcp://127.0.0.1:*");
            List<Fanout.Subscriber> subs = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                ZMQ.Socket sub = socket(subContext, SocketType.SUB);
                sub.subscribe(new byte[0]);
                sub.connect(pub.getLastEndpoint());
                subs.add(() -> sub.recv(0).length);
            }
            double rate = Fanout.medianRate(size, count, subs, body -> pub.send(body, 0));
            System.out.printf(Locale.ROOT, "mean throughput: %d [msg/s]%n", (long) rate);
        }
    }

    private static ZMQ.Socket socket(ZContext context, SocketType type) {
        ZMQ.Socket s = context.createSocket(type);
        s.setSndHWM(0);
        s.setRcvHWM(0);
        s.setLinger(-1);
        return s;
    }

    private void receiveAndReport(ZMQ.Socket s) {
        for (long i = 0; i < warmup; i++) {
            s.recv(0);
        }
        long count = this.count - warmup;
        s.recv(0);
        long start = System.nanoTime();
        for (long i = 1; i < count; i++) {
            s.recv(0);
        }
        double throughput = count / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "message size: %d [B]%nmessage count: %d%n", size, count);
        System.out.printf(Locale.ROOT, "mean throughput: %d [msg/s]%nmean throughput: %.3f [Mb/s]%n",
                (long) throughput, throughput * size * 8 / 1e6);
    }

    private void sendAll(ZMQ.Socket s) {
        byte[] body = new byte[size];
        for (long i = 0; i < count; i++) {
            s.send(body, 0);
        }
    }

    private void echo(ZMQ.Socket s) {
        for (long i = 0; i < count; i++) {
            s.send(s.recv(0), 0);
        }
    }

    private void roundTripsAndReport(ZMQ.Socket s) {
        byte[] body = new byte[size];
        for (long i = 0; i < warmup; i++) {
            s.send(body, 0);
            s.recv(0);
        }
        long count = this.count - warmup;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            s.send(body, 0);
            s.recv(0);
        }
        System.out.printf(Locale.ROOT, "message size: %d [B]%nroundtrip count: %d%n", size, count);
        System.out.printf(Locale.ROOT, "average latency: %.3f [us]%n", (System.nanoTime() - start) / 1e3 / (count * 2.0));
    }
}
