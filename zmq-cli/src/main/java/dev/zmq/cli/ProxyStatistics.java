package dev.zmq.cli;

import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Locale;

/**
 * Asks a running {@link dev.zmq.Proxy} for its counters over its control socket ({@code STATISTICS}: 8 frames of
 * 8-byte little-endian counts, libzmq's layout) and words them as one line. Thread-safe: one question at a time.
 */
final class ProxyStatistics {

    private final ZmqSocket control;

    /** @param control the PAIR connected to the proxy's control socket; this object owns it from now on */
    ProxyStatistics(ZmqSocket control) {
        this.control = control;
    }

    /**
     * "frontend in 10 msg / 1,200 B, out 3 msg / 30 B; backend in ..., out ...", or a line saying the proxy did not
     * answer within {@code timeout}.
     */
    synchronized String line(Duration timeout) {
        control.send("STATISTICS");
        ZmqMessage answer = control.recv(timeout);
        if (answer == null || answer.size() != 8) {
            return "no statistics (the proxy did not answer)";
        }
        long[] n = new long[8];
        for (int i = 0; i < 8; i++) {
            n[i] = ByteBuffer.wrap(answer.data(i)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }
        return String.format(Locale.ROOT, "frontend in %,d msg / %,d B, out %,d msg / %,d B; "
                + "backend in %,d msg / %,d B, out %,d msg / %,d B", n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
    }

    /** Tells the proxy to stop. */
    synchronized void terminate() {
        control.send("TERMINATE");
    }
}
