package dev.zmq;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Correctness at scale: thousands of libzmq peers (python3-zmq, spread over processes) on one of our sockets. No
 * timing is asserted; every message must arrive and every reply must reach the peer that asked.
 */
class ManyPeersTest {

    private static final int PROCESSES = 2;
    private static final int PEERS_PER_PROCESS = 2500;

    private final ZmqContext ctx = new ZmqContext();

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    @Test
    void fiveThousandDealersThroughARouterEchoEachGetTheirOwnReplies() throws Exception {
        ZmqSocket router = ctx.socket(SocketType.ROUTER);
        router.bind("tcp://127.0.0.1:*");
        AtomicBoolean stop = new AtomicBoolean();
        Set<String> askers = new HashSet<>();
        CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                ZmqMessage m = router.recv(java.time.Duration.ofMillis(100));
                if (m != null) {
                    askers.add(m.frame(1).text().replaceAll("-[0-9]+$", ""));
                    router.send(m);
                }
            }
        });
        List<Process> peers = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            peers.add(LibzmqScript.start("""
                    import sys, zmq
                    endpoint, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
                    ctx = zmq.Context()
                    ctx.set(zmq.MAX_SOCKETS, count + 64)
                    dealers = []
                    for i in range(count):
                        d = ctx.socket(zmq.DEALER)
                        d.setsockopt(zmq.LINGER, 0)
                        d.connect(endpoint)
                        dealers.append(d)
                    for round in range(3):
                        for i, d in enumerate(dealers):
                            d.send_string("%s/%d-%d" % (name, i, round))
                        wrong = 0
                        for i, d in enumerate(dealers):
                            if d.poll(60000) == 0:
                                print("no reply for dealer %d in round %d" % (i, round)); sys.exit(1)
                            if d.recv_string() != "%s/%d-%d" % (name, i, round):
                                wrong += 1
                        if wrong:
                            print("%d replies went to the wrong dealer" % wrong); sys.exit(1)
                    print("ok %d" % count)
                    for d in dealers:
                        d.close()
                    ctx.term()
                    """, router.lastEndpoint(), "p" + p, String.valueOf(PEERS_PER_PROCESS)));
        }
        try {
            for (Process p : peers) {
                assertThat(LibzmqScript.finish(p, 180)).isEqualTo("ok " + PEERS_PER_PROCESS);
            }
        } finally {
            stop.set(true);
            echo.join();
        }
        assertThat(askers).hasSize(PROCESSES * PEERS_PER_PROCESS);
    }
}
