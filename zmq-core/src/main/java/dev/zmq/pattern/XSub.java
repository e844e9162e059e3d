package dev.zmq.pattern;

import dev.zmq.SocketOptions;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Received;
import dev.zmq.pipe.Signaler;
import dev.zmq.wire.Subscription;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * XSUB: fair-queues messages from publishers without filtering; a sent message {@code 0x01}+topic subscribes and
 * {@code 0x00}+topic cancels, on every publisher, now and after every (re)connect. Other sent messages go to every
 * publisher.
 */
class XSub extends SocketPattern {

    private final FairQueue in = new FairQueue(signaler);
    private final List<Peer> peers = new ArrayList<>();
    /** The subscriptions in force, with a count per topic. */
    protected final SubscriptionTrie subscriptions = new SubscriptionTrie();
    /** The subscriptions in force as subscribe messages, for new connections. */
    private final StateReplay replay = new StateReplay();
    /** What {@link #recv()} takes into. */
    private final Received received = new Received();

    XSub(SocketOptions options, Signaler signaler, DropCounter drops) {
        super(options, signaler, drops);
    }

    /** A new peer gets every subscription in force, unless its connection already sent exactly these. */
    @Override
    public void attach(Peer peer) {
        peers.add(peer);
        in.attach(peer);
        replay.attach(peer);
    }

    @Override
    public void detach(Peer peer) {
        peers.remove(peer);
        in.detach(peer);
    }

    @Override
    public boolean send(ZmqMessage message) {
        return route(message);
    }

    @Override
    public void subscribe(byte[] topic, boolean subscribe) {
        route(Subscription.of(subscribe, topic).toMessage());
    }

    private boolean route(ZmqMessage message) {
        Subscription s = Subscription.parse(message);
        if (s != null) {
            if (s.on()) {
                subscriptions.add(s.topic());
            } else if (!subscriptions.remove(s.topic())) {
                return true;
            }
            refreshPreamble();
            for (Peer p : peers) {
                p.out().force(message);
            }
            return true;
        }
        for (Peer p : peers) {
            p.send(message);
        }
        return true;
    }

    private void refreshPreamble() {
        List<ZmqMessage> all = new ArrayList<>();
        for (byte[] topic : subscriptions.prefixes()) {
            all.add(Subscription.of(true, topic).toMessage());
        }
        replay.update(all);
    }

    /** The next message as {@link #recvInto} takes it (so SUB's filter applies). */
    @Override
    public @Nullable ZmqMessage recv() {
        return recvInto(received) ? received.take() : null;
    }

    @Override
    public boolean recvInto(Received into) {
        return in.recvInto(into);
    }

    /** The subscriptions in force, recorded on {@code peer} as sent. Thread-safe (called by I/O threads). */
    @Override
    public List<ZmqMessage> preamble(Peer peer, boolean replayState) {
        return replay.preamble(peer, replayState);
    }
}
