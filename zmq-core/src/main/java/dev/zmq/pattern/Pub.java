package dev.zmq.pattern;

import dev.zmq.SocketOption;
import dev.zmq.SocketOptions;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Pipe;
import dev.zmq.pipe.Signaler;
import dev.zmq.wire.Subscription;

import java.util.ArrayList;
import java.util.List;

/**
 * PUB: sends each message to every peer subscribed to a prefix of its first frame. A subscriber whose pipe is at
 * SNDHWM misses the message: <b>this is where PUB drops at the HWM</b>, counted in {@link DropCounter}. Never
 * blocks. Cannot receive; subscriptions arriving from peers are applied before each send.
 */
class Pub extends SocketPattern {

    private final List<Peer> peers = new ArrayList<>();
    /** Each peer's subscriptions, at the peer's index in {@link #peers}. */
    private final List<SubscriptionTrie> subscriptions = new ArrayList<>();
    /** The pipes one send wrote to, whose readers are then woken with one fence for all. */
    private final List<Pipe> written = new ArrayList<>();
    /** A peer attached since the last scan: its pipe may hold subscriptions whose wake-up came before it. */
    private boolean unscannedPeer;

    Pub(SocketOptions options, Signaler signaler, DropCounter drops) {
        super(options, signaler, drops);
    }

    @Override
    public void attach(Peer peer) {
        peers.add(peer);
        subscriptions.add(new SubscriptionTrie());
        unscannedPeer = true;
    }

    @Override
    public void detach(Peer peer) {
        int i = peers.indexOf(peer);
        if (i < 0) {
            return;
        }
        peers.remove(i);
        for (byte[] prefix : subscriptions.remove(i).prefixes()) {
            subscriptionChanged(prefix, false, true);
        }
    }

    @Override
    public boolean send(ZmqMessage message) {
        applySubscriptions();
        byte[] topic = message.data(0);
        if (options.get(SocketOption.XPUB_NODROP) && !allMatchingHaveRoom(topic)) {
            return false;
        }
        for (int i = 0, n = peers.size(); i < n; i++) {
            if (subscriptions.get(i).matches(topic)) {
                Pipe out = peers.get(i).out();
                if (out.offerQuietly(message)) {
                    written.add(out);
                } else {
                    drops.droppedAtHwm();
                }
            }
        }
        Pipe.wakeReaders(written);
        written.clear();
        return true;
    }

    private boolean allMatchingHaveRoom(byte[] topic) {
        for (int i = 0, n = peers.size(); i < n; i++) {
            if (subscriptions.get(i).matches(topic) && !peers.get(i).out().hasRoom()) {
                return false;
            }
        }
        return true;
    }

    /** Reads what every peer sent (subscriptions and, for XPUB, other messages) when something arrived. */
    protected final void applySubscriptions() {
        if (!signaler.consume() && !unscannedPeer) {
            return;
        }
        unscannedPeer = false;
        for (int i = 0; i < peers.size(); i++) {
            Peer p = peers.get(i);
            ZmqMessage m;
            while ((m = p.recv()) != null) {
                onPeerMessage(subscriptions.get(i), m);
            }
        }
    }

    private void onPeerMessage(SubscriptionTrie t, ZmqMessage m) {
        Subscription s = Subscription.parse(m);
        if (s != null) {
            byte[] prefix = s.topic();
            boolean changed = s.on() ? !t.contains(prefix) && t.add(prefix) : t.remove(prefix);
            subscriptionChanged(prefix, s.on(), changed);
        } else {
            otherMessage(m);
        }
    }

    /**
     * A peer's subscription changed; {@code changed} is false when it was a duplicate (or a cancel of nothing).
     * PUB ignores it; XPUB passes it upstream.
     */
    protected void subscriptionChanged(byte[] prefix, boolean subscribe, boolean changed) {
    }

    /** A message from a peer that is not a subscription. PUB ignores it; XPUB passes it upstream. */
    protected void otherMessage(ZmqMessage message) {
    }
}
