package dev.zmq.bench;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import java.util.Objects;

/**
 * Idle-link latency with our sockets, measured by {@link IdleLatency}. A command-line program:
 * {@code IdleLatencyPerf push|req WARMUP PROBES} (one context, loopback TCP, as the other contestants).
 */
public final class IdleLatencyPerf {

    private IdleLatencyPerf() {
    }

    /** Runs one measurement and prints it. */
    public static void main(String[] args) {
        boolean push = args[0].equals("push");
        long warmup = Long.parseLong(args[1]);
        int probes = Integer.parseInt(args[2]);
        try (ZmqContext ctx = new ZmqContext()) {
            ZmqSocket local = ctx.socket(push ? SocketType.PULL : SocketType.REP);
            local.bind("tcp://127.0.0.1:*");
            ZmqSocket remote = ctx.socket(push ? SocketType.PUSH : SocketType.REQ);
            remote.connect(Objects.requireNonNull(local.lastEndpoint()));
            if (push) {
                IdleLatency.oneWay(body -> remote.send(ZmqMessage.of(body)), local::recvBytes, warmup, probes);
            } else {
                Thread echo = new Thread(() -> {
                    for (long i = 0; i < warmup + warmup / 100 + probes; i++) {
                        local.send(ZmqMessage.of(local.recvBytes()));
                    }
                });
                echo.start();
                IdleLatency.roundTrip(body -> remote.send(ZmqMessage.of(body)), remote::recvBytes, warmup, probes);
            }
        }
    }
}
