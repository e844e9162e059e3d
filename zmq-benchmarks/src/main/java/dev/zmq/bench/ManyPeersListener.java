package dev.zmq.bench;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import java.util.Objects;


/**
 * Our side of {@code many-peers.py}: a PULL bound to {@code ENDPOINT} that many PUSH peers connect to. It prints
 * what it holds before the peers come ({@code baseline RSS_KB HEAP_KB}), once every peer has said hello and sits
 * idle ({@code connected RSS_KB HEAP_KB}), and when every message has arrived ({@code delivered}), as
 * {@link MemoryReport} measures them. A command-line program: {@code ManyPeersListener ENDPOINT PEERS MESSAGES}.
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
            MemoryReport.print("baseline");
            for (int hellos = 0; hellos < peers; ) {
                if (pull.recvBytes().length == 5) {
                    hellos++;
                }
            }
            MemoryReport.print("connected");
            for (long n = 0; n < (long) peers * messages; n++) {
                pull.recvBytes();
            }
            System.out.println("delivered");
        }
    }

    /** One connection through the whole path first, so the baseline holds the code every peer will use. */
    private static void warmUp(ZmqContext ctx, ZmqSocket pull) {
        try (ZmqSocket push = ctx.socket(SocketType.PUSH)) {
            push.connect(Objects.requireNonNull(pull.lastEndpoint()));
            push.send(ZmqMessage.of("warm-up"));
            pull.recvBytes();
        }
    }
}
