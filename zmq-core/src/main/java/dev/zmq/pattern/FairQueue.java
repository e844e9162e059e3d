package dev.zmq.pattern;

import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;

import java.util.ArrayList;
import java.util.List;

/**
 * Fair-queued receive: takes one message from each peer in turn, so no peer can starve the others. A detached peer
 * stays until what it delivered has been read. Not thread-safe: the socket's thread only.
 */
final class FairQueue {

    private final List<Peer> peers = new ArrayList<>();
    private final List<Peer> leaving = new ArrayList<>();
    private int next;
    private Peer lastPeer;

    void attach(Peer peer) {
        leaving.remove(peer);
        if (!peers.contains(peer)) {
            peers.add(peer);
        }
    }

    void detach(Peer peer) {
        if (!leaving.contains(peer)) {
            leaving.add(peer);
        }
    }

    /** The next message in turn, or {@code null} when no peer has one. */
    ZmqMessage recv() {
        return message(recvBare());
    }

    /** The message {@code element}, just taken by {@link #recvBare()}, stands for ({@code null} for {@code null}). */
    ZmqMessage message(Object element) {
        return element == null ? null : lastPeer.in().asMessage(element);
    }

    /** As {@link #recv()}, but a bare message may come as its bytes alone ({@link Peer#recvBare()}). */
    Object recvBare() {
        int n = peers.size();
        for (int tried = 0; tried < n; tried++) {
            if (next >= n) {
                next = 0;
            }
            Peer p = peers.get(next++);
            Object m = p.recvBare();
            if (m != null) {
                lastPeer = p;
                return m;
            }
        }
        if (!leaving.isEmpty()) {
            removeDrained();
        }
        return null;
    }

    /** The peer the message last returned by {@link #recv()} came from. */
    Peer lastPeer() {
        return lastPeer;
    }

    private void removeDrained() {
        for (Peer p : leaving) {
            if (p.in().isEmpty()) {
                int i = peers.indexOf(p);
                if (i >= 0) {
                    peers.remove(i);
                    if (next > i) {
                        next--;
                    }
                }
            }
        }
        leaving.removeIf(p -> !peers.contains(p));
    }
}
