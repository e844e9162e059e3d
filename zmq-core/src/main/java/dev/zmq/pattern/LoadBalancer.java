package dev.zmq.pattern;

import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Round-robin over peers whose pipes have room (PUSH, DEALER and REQ). Attaching and detaching cost the same with
 * ten peers or ten thousand: each peer's place in the array is indexed, and a detached one swaps places with the
 * last. Not thread-safe: the socket's thread only.
 */
final class LoadBalancer {

    private final List<Peer> peers = new ArrayList<>();
    /** Where each peer sits in {@link #peers}. */
    private final Map<Peer, Integer> places = new HashMap<>();
    private int next;

    void attach(Peer peer) {
        if (places.putIfAbsent(peer, peers.size()) == null) {
            peers.add(peer);
        }
    }

    void detach(Peer peer) {
        Integer i = places.remove(peer);
        if (i == null) {
            return;
        }
        int last = peers.size() - 1;
        Peer moved = peers.remove(last);
        if (i != last) {
            peers.set(i, moved);
            places.put(moved, i);
        }
        if (next > last) {
            next = 0;
        }
    }

    /** Queues {@code message} to the next peer with room; returns that peer, or {@code null} when none has room. */
    @Nullable Peer send(ZmqMessage message) {
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
