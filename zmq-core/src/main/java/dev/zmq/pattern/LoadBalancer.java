package dev.zmq.pattern;

import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;

import java.util.ArrayList;
import java.util.List;

/**
 * Round-robin over peers whose pipes have room (PUSH, DEALER and REQ). Not thread-safe: the socket's
 * thread only.
 */
final class LoadBalancer {

    private final List<Peer> peers = new ArrayList<>();
    private int next;

    void attach(Peer peer) {
        if (!peers.contains(peer)) {
            peers.add(peer);
        }
    }

    void detach(Peer peer) {
        int i = peers.indexOf(peer);
        if (i >= 0) {
            peers.remove(i);
            if (next > i) {
                next--;
            }
        }
    }

    /** Queues {@code message} to the next peer with room; returns that peer, or {@code null} when none has room. */
    Peer send(ZmqMessage message) {
        int n = peers.size();
        for (int tried = 0; tried < n; tried++) {
            if (next >= n) {
                next = 0;
            }
            Peer p = peers.get(next++);
            if (p.send(message)) {
                return p;
            }
        }
        return null;
    }

    /** Whether some peer has room for a message now. */
    boolean hasRoom() {
        for (Peer p : peers) {
            if (p.out().hasRoom()) {
                return true;
            }
        }
        return false;
    }

    /** The peers in rotation. */
    List<Peer> peers() {
        return peers;
    }
}
