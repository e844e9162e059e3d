package dev.zmq.pattern;

import dev.zmq.ErrorCode;
import dev.zmq.SocketOptions;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Signaler;
import dev.zmq.wire.Subscription;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * DISH: fair-queues the messages of the groups it joined (exact match) from its RADIO peers; each received message
 * carries its {@link ZmqMessage#group() group}. Joins and leaves go to every peer now and after every (re)connect
 * (over TCP as JOIN/LEAVE commands); messages of other groups (a UDP sender sends all) are filtered here. Cannot send.
 */
final class Dish extends SocketPattern {

    private final FairQueue in = new FairQueue(signaler);
    private final List<Peer> peers = new ArrayList<>();
    private final Set<String> groups = new LinkedHashSet<>();
    private final StateReplay replay = new StateReplay();

    Dish(SocketOptions options, Signaler signaler, DropCounter drops) {
        super(options, signaler, drops);
    }

    @Override
    public void attach(Peer peer) {
        in.attach(peer);
        if (!peer.isDatagram()) {
            peers.add(peer);
            replay.attach(peer);
        }
    }

    @Override
    public void detach(Peer peer) {
        peers.remove(peer);
        in.detach(peer);
    }

    @Override
    public boolean canSend() {
        return false;
    }

    @Override
    public void join(String group, boolean join) {
        byte[] key = group.getBytes(StandardCharsets.UTF_8);
        if (key.length > 255) {
            throw new ZmqException(ErrorCode.EINVAL, "a group is at most 255 bytes: '" + group + "'");
        }
        if (join ? !groups.add(group) : !groups.remove(group)) {
            throw new ZmqException(ErrorCode.EINVAL, join ? "group '" + group + "' is already joined"
                    : "group '" + group + "' was not joined (joined: " + groups + ")");
        }
        List<ZmqMessage> all = new ArrayList<>(groups.size());
        for (String g : groups) {
            all.add(Subscription.of(true, g.getBytes(StandardCharsets.UTF_8)).toMessage());
        }
        replay.update(all);
        ZmqMessage change = Subscription.of(join, key).toMessage();
        for (Peer p : peers) {
            p.out().force(change);
        }
    }

    @Override
    public @Nullable ZmqMessage recv() {
        ZmqMessage m;
        while ((m = in.recv()) != null) {
            if (m.size() == 2) {
                String group = new String(m.data(0), StandardCharsets.UTF_8);
                if (groups.contains(group)) {
                    return m.withFrames(List.of(m.last())).withGroup(group);
                }
            } else {
                drops.droppedNoRoute();
            }
        }
        return null;
    }

    @Override
    public List<ZmqMessage> preamble(Peer peer, boolean replayState) {
        return replay.preamble(peer, replayState);
    }
}
