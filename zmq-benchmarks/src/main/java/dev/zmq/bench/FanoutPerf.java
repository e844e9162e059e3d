package dev.zmq.bench;

import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * PUB/SUB fan-out for {@code compare.sh} with our sockets: one PUB and {@code SUBSCRIBERS} SUB sockets (each on its
 * own thread, in another context) over loopback TCP, measured by {@link Fanout}; prints the median subscriber's rate
 * ({@code mean throughput: N [msg/s]}), to compare one subscriber with ten. A command-line program:
 * {@code FanoutPerf SIZE COUNT SUBSCRIBERS}.
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
            List<Fanout.Subscriber> subs = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                ZmqSocket sub = subContext.socket(SocketType.SUB).set(SocketOption.RCVHWM, 0);
                sub.subscribe("");
                sub.connect(Objects.requireNonNull(pub.lastEndpoint()));
                subs.add(() -> sub.recvBytes().length);
            }
            double rate = Fanout.medianRate(size, count, subs, body -> pub.send(ZmqMessage.of(body)));
            System.out.printf(Locale.ROOT, "mean throughput: %d [msg/s]%n", (long) rate);
        }
    }
}
