package dev.zmq.pattern;

import dev.zmq.ErrorCode;
import dev.zmq.Frame;
import dev.zmq.SocketOptions;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Signaler;
import dev.zmq.wire.Subscription;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RADIO: sends each single-frame message to every peer that joined the message's {@link ZmqMessage#group() group}
 * (exact match); a UDP peer gets every group, its receivers filter. A peer whose pipe is at SNDHWM misses the message
 * (counted in {@link DropCounter}), as for PUB. Never blocks, cannot receive; joins and leaves arriving from peers are
 * applied before each send. On the wire and in pipes a message travels as two frames: the group, then the body.
 */
final class Radio extends SocketPattern {

    private final List<Peer> peers = new ArrayList<>();
    /** Groups each peer joined; {@code null} for a datagram peer, which takes every group. */
    private final Map<Peer, Set<String>> joined = new IdentityHashMap<>();
    private boolean unscannedPeer;

    Radio(SocketOptions options, Signaler signaler, DropCounter drops) {
        super(options, signaler, drops);
    }

    @Override
    public void attach(Peer peer) {
        peers.add(peer);
        joined.put(peer, peer.isDatagram() ? null : new HashSet<>());
        unscannedPeer = true;
    }

    @Override
    public void detach(Peer peer) {
        peers.remove(peer);
        joined.remove(peer);
    }

    @Override
    public boolean send(ZmqMessage message) {
        String group = message.group();
        if (group == null) {
            throw new ZmqException(ErrorCode.EINVAL, "a RADIO message needs a group (ZmqMessage.withGroup)");
        }
        if (message.size() != 1) {
            throw new ZmqException(ErrorCode.EINVAL, "RADIO sockets send single-frame messages only; this one has "
                    + message.size() + " frames");
        }
        applyJoins();
        ZmqMessage wire = null;
        for (int i = 0, n = peers.size(); i < n; i++) {
            Peer p = peers.get(i);
            Set<String> groups = joined.get(p);
            if (groups == null || groups.contains(group)) {
                if (wire == null) {
                    wire = ZmqMessage.of(Frame.of(group), message.first());
                }
                if (!p.send(wire)) {
                    drops.droppedAtHwm();
                }
            }
        }
        return true;
    }

    /** Reads the joins and leaves peers sent, when something arrived. */
    private void applyJoins() {
        if (!signaler.consume() && !unscannedPeer) {
            return;
        }
        unscannedPeer = false;
        for (int i = 0; i < peers.size(); i++) {
            Peer p = peers.get(i);
            Set<String> groups = joined.get(p);
            ZmqMessage m;
            while ((m = p.recv()) != null) {
                Subscription s = groups == null ? null : Subscription.parse(m);
                if (s == null || groups == null) {
                    continue;
                }
                if (s.on()) {
                    groups.add(s.group());
                } else {
                    groups.remove(s.group());
                }
            }
        }
    }
}
