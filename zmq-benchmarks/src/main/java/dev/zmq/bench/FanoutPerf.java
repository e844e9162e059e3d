package dev.zmq.bench;

import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * PUB/SUB fan-out for {@code compare.sh}: one PUB and {@code SUBSCRIBERS} SUB sockets (each on its own thread, in
 * another context) over loopback TCP; every subscriber receives all {@code COUNT} messages. Prints the median
 * subscriber's rate ({@code mean throughput: N [msg/s]}, first to last message), to compare one subscriber with ten.
 * A command-line program: {@code FanoutPerf SIZE COUNT SUBSCRIBERS}.
 */
public final class FanoutPerf {

    private FanoutPerf() {
    }

    /** Runs the fan-out once and prints the median subscriber's throughput. */
    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        long count = Long.parseLong(args[1]);
        int subscribers = Integer.parseInt(args[2]);
        try (ZmqContext pubContext = new ZmqContext(); ZmqContext subContext = new ZmqContext()) {
            ZmqSocket pub = pubContext.socket(SocketType.PUB).set(SocketOption.SNDHWM, 0);
            pub.bind("tcp://127.0.0.1:*");
            List<Double> rates = new ArrayList<>();
            CountDownLatch ready = new CountDownLatch(subscribers);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                ZmqSocket sub = subContext.socket(SocketType.SUB).set(SocketOption.RCVHWM, 0);
                sub.subscribe("");
                sub.connect(pub.lastEndpoint());
                Thread t = new Thread(() -> {
                    sub.recv();
                    ready.countDown();
                    while (sub.recv().first().size() != size) {
                        // warm-up probes until the measured stream starts
                    }
                    long start = System.nanoTime();
                    for (long n = 1; n < count; n++) {
                        sub.recv();
                    }
                    double rate = count / ((System.nanoTime() - start) / 1e9);
                    synchronized (rates) {
                        rates.add(rate);
                    }
                });
                t.start();
                threads.add(t);
            }
            byte[] probe = new byte[0];
            while (!ready.await(10, TimeUnit.MILLISECONDS)) {
                pub.send(ZmqMessage.of(probe));
            }
            byte[] body = new byte[size];
            for (long n = 0; n < count; n++) {
                pub.send(ZmqMessage.of(body));
            }
            for (Thread t : threads) {
                t.join(Duration.ofMinutes(5).toMillis());
            }
            rates.sort(Double::compare);
            System.out.printf(Locale.ROOT, "mean throughput: %d [msg/s]%n", rates.get(rates.size() / 2).longValue());
        }
    }
}
