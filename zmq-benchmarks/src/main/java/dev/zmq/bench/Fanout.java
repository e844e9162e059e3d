package dev.zmq.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The PUB/SUB fan-out measurement, the same for every implementation (ours in {@link FanoutPerf}, JeroMQ in
 * {@link JeromqPerf}'s {@code fanout} mode; zmqperf.c does the same for libzmq): each subscriber on its own thread
 * receives empty probes until all are connected, then {@code count} messages of {@code size} bytes, timed first to
 * last. Not thread-safe: one run at a time.
 */
final class Fanout {

    /** One subscriber socket, used by its own thread only. */
    interface Subscriber {
        /** Receives the next message, waiting for it, and returns its size in bytes. */
        int receive();
    }

    /** The publisher socket, used by the calling thread only. */
    interface Publisher {
        void send(byte[] body);
    }

    private Fanout() {
    }

    /**
     * Runs the fan-out once and returns the median subscriber's rate in messages per second.
     *
     * @throws InterruptedException when interrupted while waiting for the subscribers
     */
    static double medianRate(int size, long count, List<Subscriber> subscribers, Publisher publisher)
            throws InterruptedException {
        if (size <= 0) {
            throw new IllegalArgumentException("the message size must be positive (empty messages are the probes)");
        }
        List<Double> rates = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(subscribers.size());
        List<Thread> threads = new ArrayList<>();
        for (Subscriber s : subscribers) {
            Thread t = new Thread(() -> {
                s.receive();
                ready.countDown();
                while (s.receive() != size) {
                    // probes until the measured stream starts
                }
                long start = System.nanoTime();
                for (long n = 1; n < count; n++) {
                    s.receive();
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
            publisher.send(probe);
        }
        byte[] body = new byte[size];
        for (long n = 0; n < count; n++) {
            publisher.send(body);
        }
        for (Thread t : threads) {
            t.join(TimeUnit.MINUTES.toMillis(5));
        }
        synchronized (rates) {
            rates.sort(Double::compare);
            return rates.get(rates.size() / 2);
        }
    }
}
