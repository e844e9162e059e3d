package dev.zmq.pattern;

import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;

import java.util.List;

/**
 * The upstream state a subscriber-side socket keeps in force on every peer (XSUB/SUB subscriptions, DISH groups) as
 * the list of messages that establish it, versioned so that a connection which already sent exactly this state in
 * its preamble is not sent it twice.
 *
 * <p>Thread-safety: {@link #update} and {@link #attach} run on the socket's thread; {@link #preamble} on I/O threads.
 */
final class StateReplay {

    private record Snapshot(long version, List<ZmqMessage> messages) {
    }

    private volatile Snapshot snapshot = new Snapshot(0, List.of());

    /** Records the state now in force. */
    void update(List<ZmqMessage> messages) {
        snapshot = new Snapshot(snapshot.version() + 1, List.copyOf(messages));
    }

    /** A peer joined routing: it gets the state in force unless its connection already sent exactly this. */
    void attach(Peer peer) {
        Snapshot current = snapshot;
        if (peer.subscriptionVersion() != current.version()) {
            current.messages().forEach(peer.out()::force);
        }
    }

    /** The state for a connection to send first (recorded on {@code peer} as sent), when it must be replayed. */
    List<ZmqMessage> preamble(Peer peer, boolean replay) {
        if (!replay) {
            return List.of();
        }
        Snapshot current = snapshot;
        peer.subscriptionVersion(current.version());
        return current.messages();
    }
}
