package dev.zmq.bench;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.util.Locale;

/**
 * JeroMQ 0.6.0 under the same perf-tool interface as ours and libzmq's, for compare.sh:
 * {@code JeromqPerf local-thr|remote-thr|local-lat|remote-lat ENDPOINT MESSAGE_SIZE COUNT}. Not thread-safe; a
 * command-line program.
 */
public final class JeromqPerf {

    private JeromqPerf() {
    }

    /** Runs one perf tool; exits 2 on bad arguments. */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: JeromqPerf local-thr|remote-thr|local-lat|remote-lat ENDPOINT SIZE COUNT");
            System.exit(2);
        }
        String mode = args[0];
        String endpoint = args[1];
        int size = Integer.parseInt(args[2]);
        long count = Long.parseLong(args[3]);
        boolean thr = mode.endsWith("thr");
        boolean local = mode.startsWith("local");
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket s = context.createSocket(thr ? (local ? SocketType.PULL : SocketType.PUSH)
                    : (local ? SocketType.REP : SocketType.REQ));
            s.setSndHWM(0);
            s.setRcvHWM(0);
            s.setLinger(-1);
            if (local) {
                s.bind(endpoint);
            } else {
                s.connect(endpoint);
            }
            byte[] body = new byte[size];
            if (thr && local) {
                s.recv(0);
                long start = System.nanoTime();
                for (long i = 1; i < count; i++) {
                    s.recv(0);
                }
                double throughput = count / ((System.nanoTime() - start) / 1e9);
                System.out.printf(Locale.ROOT, "message size: %d [B]%nmessage count: %d%n", size, count);
                System.out.printf(Locale.ROOT, "mean throughput: %d [msg/s]%nmean throughput: %.3f [Mb/s]%n",
                        (long) throughput, throughput * size * 8 / 1e6);
            } else if (thr) {
                for (long i = 0; i < count; i++) {
                    s.send(body, 0);
                }
            } else if (local) {
                for (long i = 0; i < count; i++) {
                    s.send(s.recv(0), 0);
                }
            } else {
                long start = System.nanoTime();
                for (long i = 0; i < count; i++) {
                    s.send(body, 0);
                    s.recv(0);
                }
                System.out.printf(Locale.ROOT, "message size: %d [B]%nroundtrip count: %d%n", size, count);
                System.out.printf(Locale.ROOT, "average latency: %.3f [us]%n",
                        (System.nanoTime() - start) / 1e3 / (count * 2.0));
            }
        }
    }
}
