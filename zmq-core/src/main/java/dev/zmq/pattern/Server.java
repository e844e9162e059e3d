package dev.zmq.pattern;

import dev.zmq.ErrorCode;
import dev.zmq.SocketOptions;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Signaler;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * SERVER and PEER: every peer gets a 32-bit routing id from this socket (never 0); a received message carries its
 * sender's id in {@link ZmqMessage#routingId()}, a sent one goes to the peer its routing id names ({@link SingleFrame}
 * wraps it, as messages are single frames). Sending to an id no peer has fails with EHOSTUNREACH; to a peer whose
 * pipe is at SNDHWM waits (or EAGAIN), as libzmq's SERVER does. A PEER also learns the id of a peer it connects to at once
 * ({@link #routingIdOf(Peer)}), before the connection is made.
 */
final class Server extends SocketPattern {

    private final FairQueue in = new FairQueue(signaler);
    private final Map<Integer, Peer> byId = new HashMap<>();
    private final Map<Peer, Integer> idOf = new IdentityHashMap<>();
    private final String typeName;
    private int nextId = ThreadLocalRandom.current().nextInt();

    Server(String typeName, SocketOptions options, Signaler signaler, DropCounter drops) {
        super(options, signaler, drops);
        this.typeName = typeName;
    }

    @Override
    public void attach(Peer peer) {
        if (idOf.containsKey(peer)) {
            return;
        }
        int id;
        do {
            id = nextId++;
        } while (id == 0 || byId.containsKey(id));
        byId.put(id, peer);
        idOf.put(peer, id);
        in.attach(peer);
    }

    @Override
    public void detach(Peer peer) {
        Integer id = idOf.remove(peer);
        if (id != null) {
            byId.remove(id);
        }
        in.detach(peer);
    }

    /** The routing id given to {@code peer}, or 0 when it is not attached (or is {@code null}). */
    @Override
    public int routingIdOf(@Nullable Peer peer) {
        Integer id = idOf.get(peer);
        return id == null ? 0 : id;
    }

    @Override
    public boolean send(ZmqMessage message) {
        if (message.routingId() == 0) {
            throw new ZmqException(ErrorCode.EINVAL, typeName + " needs the target's routing id on the message "
                    + "(ZmqMessage.withRoutingId, e.g. from the request's routingId())");
        }
        Peer peer = byId.get(message.routingId());
        if (peer == null) {
            throw new ZmqException(ErrorCode.EHOSTUNREACH, typeName + ": no peer with routing id "
                    + Integer.toUnsignedString(message.routingId()) + " (it may have disconnected)");
        }
        return peer.send(message.withRoutingId(0));
    }

    @Override
    public boolean canSend() {
        return !byId.isEmpty();
    }

    @Override
    public @Nullable ZmqMessage recv() {
        ZmqMessage m = in.recv();
        if (m == null) {
            return null;
        }
        Integer id = idOf.get(in.lastPeer());
        return m.withRoutingId(id == null ? 0 : id);
    }

    @Override
    public List<ZmqMessage> preamble(Peer peer, boolean replay) {
        return List.of();
    }
}
