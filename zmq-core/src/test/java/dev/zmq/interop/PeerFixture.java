package dev.zmq.interop;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What every interop test class shares: our context, the peers it made, and closing them all afterwards. */
abstract class PeerFixture {

    static final Duration WAIT = Duration.ofSeconds(10);

    final ZmqContext context = new ZmqContext();
    private final List<TestPeer> peers = new ArrayList<>();

    @AfterEach
    void closePeers() {
        peers.forEach(TestPeer::close);
        context.close();
    }

    /** One side of a pair: ours or the foreign kind's; closed after the test. */
    TestPeer side(boolean ours, PeerKind kind, SocketType type) {
        return track(ours ? new OurPeer(context, type) : kind.create(type));
    }

    /** Closes {@code peer} after the test. */
    <T extends TestPeer> T track(T peer) {
        peers.add(peer);
        return peer;
    }
}
