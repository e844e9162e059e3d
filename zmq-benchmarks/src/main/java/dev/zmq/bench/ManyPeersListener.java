package dev.zmq.bench;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Our side of {@code many-peers.py}: a PULL bound to {@code ENDPOINT} that many PUSH peers connect to. It prints
 * what it holds before the peers come ({@code baseline RSS_KB HEAP_KB}), once every peer has said hello and sits
 * idle ({@code connected RSS_KB HEAP_KB}), and when every message has arrived ({@code delivered}); the heap figure is
 * the live heap after a full GC, the resident figure is the process's VmRSS (run it with a pre-touched heap, so heap
 * growth shows in the heap figure alone). A command-line program: {@code ManyPeersListener ENDPOINT PEERS MESSAGES}.
 */
public final class ManyPeersListener {

    private ManyPeersListener() {
    }

    /** Serves one run and exits. */
    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        int peers = Integer.parseInt(args[1]);
        long messages = Long.parseLong(args[2]);
        try (ZmqContext ctx = new ZmqContext()) {
            ZmqSocket pull = ctx.socket(SocketType.PULL);
            pull.bind(endpoint);
            warmUp(ctx, pull);
            report("baseline");
            for (int hellos = 0; hellos < peers; ) {
                if (pull.recvBytes().length == 5) {
                    hellos++;
                }
            }
            report("connected");
            for (long n = 0; n < (long) peers * messages; n++) {
                pull.recvBytes();
            }
            System.out.println("delivered");
        }
    }

    /** One connection through the whole path first, so the baseline holds the code every peer will use. */
    private static void warmUp(ZmqContext ctx, ZmqSocket pull) {
        try (ZmqSocket push = ctx.socket(SocketType.PUSH)) {
            push.connect(pull.lastEndpoint());
            push.send(ZmqMessage.of("warm-up"));
            pull.recvBytes();
        }
    }

    private static void report(String what) throws IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "%s %d %d%n", what, residentKb(), heap / 1024);
        System.out.flush();
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
