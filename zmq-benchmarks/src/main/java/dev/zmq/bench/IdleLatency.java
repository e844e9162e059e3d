package dev.zmq.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * The idle-link latency measurement, the same for every implementation (ours in {@link IdleLatencyPerf}, JeroMQ in
 * {@link JeromqPerf}'s {@code idle-push}/{@code idle-req} modes; zmqperf.c does the same for libzmq): after
 * {@code warmup} messages (or round trips) back to back and then {@code warmup / 100} paced ones (one every
 * {@value #PACED_WARMUP_US} us, so the path of a link that goes idle between messages warms up too; none for a cold
 * run), one 64-byte probe every {@value #INTERVAL_MS} ms over
 * loopback TCP in one process. PUSH/PULL: the time from {@code send} on one thread to {@code recv} returning on
 * another (the probe carries its send time); REQ/REP: one round trip through an echoing thread. Prints
 * {@code idle latency: median M [us] p99 P [us] max X [us]}. Not thread-safe: one run at a time.
 */
final class IdleLatency {

    /** Milliseconds between two probes: a link that is idle most of the time. */
    static final int INTERVAL_MS = 20;
    /** Microseconds between two paced warm-up messages: each finds the threads asleep, as a probe does. */
    static final int PACED_WARMUP_US = 100;
    private static final int SIZE = 64;

    /** The sending side of a link, used by one thread. */
    interface Sender {
        void send(byte[] body);
    }

    /** The receiving side of a link, used by one thread; returns the next message's bytes, waiting for it. */
    interface Receiver {
        byte[] receive();
    }

    private IdleLatency() {
    }

    /** PUSH/PULL: {@code push} and {@code pull} are connected; returns when every probe has arrived. */
    static void oneWay(Sender push, Receiver pull, long warmup, int probes) {
        long[] latencies = new long[probes];
        long warmupMessages = warmup + warmup / 100;
        CompletableFuture<Void> receiver = CompletableFuture.runAsync(() -> {
            for (long i = 0; i < warmupMessages; i++) {
                pull.receive();
            }
            for (int i = 0; i < probes; i++) {
                byte[] probe = pull.receive();
                latencies[i] = System.nanoTime() - ByteBuffer.wrap(probe).getLong();
            }
        });
        byte[] body = new byte[SIZE];
        for (long i = 0; i < warmup; i++) {
            push.send(body);
        }
        for (long i = 0; i < warmup / 100; i++) {
            pace();
            push.send(body);
        }
        long next = System.nanoTime();
        for (int i = 0; i < probes; i++) {
            next = pause(next);
            byte[] probe = new byte[SIZE];
            ByteBuffer.wrap(probe).putLong(System.nanoTime());
            push.send(probe);
        }
        receiver.join();
        report(latencies);
    }

    /** REQ/REP: {@code request} sends on a REQ whose REP echoes on another thread; {@code reply} receives on it. */
    static void roundTrip(Sender request, Receiver reply, long warmup, int probes) {
        byte[] body = new byte[SIZE];
        for (long i = 0; i < warmup + warmup / 100; i++) {
            if (i >= warmup) {
                pace();
            }
            request.send(body);
            reply.receive();
        }
        long[] latencies = new long[probes];
        long next = System.nanoTime();
        for (int i = 0; i < probes; i++) {
            next = pause(next);
            long start = System.nanoTime();
            request.send(body);
            reply.receive();
            latencies[i] = System.nanoTime() - start;
        }
        report(latencies);
    }

    /** The pause between two paced warm-up messages. */
    private static void pace() {
        LockSupport.parkNanos(PACED_WARMUP_US * 1_000L);
    }

    /** Waits until {@code INTERVAL_MS} after {@code previous}; returns the new tick. */
    private static long pause(long previous) {
        long next = previous + INTERVAL_MS * 1_000_000L;
        for (long left; (left = next - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(left);
        }
        return next;
    }

    private static void report(long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "idle latency: median %.1f [us] p99 %.1f [us] max %.1f [us]%n",
                sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3,
                sorted[sorted.length - 1] / 1e3);
    }
}
