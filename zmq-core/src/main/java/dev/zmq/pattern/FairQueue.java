package dev.zmq.pattern;

import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Received;
import dev.zmq.pipe.Signaler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * Fair-queued receive: takes one message from each peer in turn, so no peer can starve the others. Only peers that
 * may have messages are visited: a peer found empty leaves the turn and comes back when its pipe next gets a message
 * (its writer hands it over), so a receive costs the same with ten peers or fifty thousand mostly idle ones. As in
 * libzmq, the peers in turn sit in an array visited in order, and one found empty swaps places with the last. A
 * detached peer stays until what it delivered has been read.
 *
 * <p>Not thread-safe: the socket's thread only (or the thread holding a thread-safe socket's lock); the hand-over
 * of activated peers is the one part that writer threads touch.
 */
final class FairQueue {

    private final Signaler signaler;
    /** Attached peers not yet removed. */
    private final Set<Peer> members = new HashSet<>();
    /** Peers that may have messages, each at most once; {@link #inTurn} holds the same peers. */
    private final ArrayList<Peer> turn = new ArrayList<>();
    private final Set<Peer> inTurn = new HashSet<>();
    /** Peers whose pipe got a message after they were found empty, handed over by the writers' threads. */
    private final Queue<Peer> activated = new ConcurrentLinkedQueue<>();
    /** Set by a writer after it handed a peer over: the reader looks at {@link #activated} only then. */
    private volatile boolean handedOver;
    /** Where in {@link #turn} the next receive starts. */
    private int next;
    /** Detached peers, removed once they are found empty. */
    private final Set<Peer> leaving = new HashSet<>();
    private @Nullable Peer lastPeer;
    /** What {@link #recv()} takes into. */
    private final Received received = new Received();

    FairQueue(Signaler signaler) {
        this.signaler = signaler;
    }

    void attach(Peer peer) {
        leaving.remove(peer);
        if (members.add(peer)) {
            peer.in().onReadable(() -> {
                activated.offer(peer);
                handedOver = true;
                signaler.wake();
            });
            enterTurn(peer);
        }
    }

    void detach(Peer peer) {
        if (members.contains(peer)) {
            leaving.add(peer);
            enterTurn(peer);
        }
    }

    /** The next message in turn, or {@code null} when no peer has one. */
    @Nullable ZmqMessage recv() {
        return recvInto(received) ? received.take() : null;
    }

    /** Takes the next message in turn into {@code into} (a bare one as its body alone); {@code false} when none. */
    boolean recvInto(Received into) {
        if (handedOver) {
            handedOver = false;
            for (Peer p; (p = activated.poll()) != null; ) {
                if (members.contains(p)) {
                    enterTurn(p);
                }
            }
        }
        for (int tried = 0, n = turn.size(); tried < n; tried++) {
            if (next >= turn.size()) {
                next = 0;
            }
            Peer p = turn.get(next);
            if (p.in().pollInto(into)) {
                next++;
                lastPeer = p;
                return true;
            }
            // found empty: the pipe now wakes us through the hand-over when its next message comes
            int last = turn.size() - 1;
            turn.set(next, turn.get(last));
            turn.remove(last);
            inTurn.remove(p);
            if (leaving.remove(p)) {
                members.remove(p);
            }
        }
        return false;
    }

    /** The peer the message last returned by {@link #recv()} came from; only once one was. */
    Peer lastPeer() {
        return Objects.requireNonNull(lastPeer, "a message was received");
    }

    private void enterTurn(Peer p) {
        if (inTurn.add(p)) {
            turn.add(p);
        }
    }
}
