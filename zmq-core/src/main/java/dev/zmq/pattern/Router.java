package dev.zmq.pattern;

import dev.zmq.ErrorCode;
import dev.zmq.Frame;
import dev.zmq.SocketOption;
import dev.zmq.SocketOptions;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Signaler;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * ROUTER: each peer has a routing id (the Identity it announced, else a generated 5-byte id starting with a zero
 * byte). A received message gets the sender's id as first frame; a sent message's first frame picks the peer and is
 * removed. A message for an unknown or full peer is dropped (counted) unless ROUTER_MANDATORY, which turns that into
 * EHOSTUNREACH or EAGAIN. A second peer announcing an id in use is disconnected (it may retry), unless ROUTER_HANDOVER gives it the id.
 */
final class Router extends SocketPattern {

    private final FairQueue in = new FairQueue(signaler);
    private final Map<ByteBuffer, Peer> byId = new HashMap<>();
    private final Map<Peer, byte[]> idOf = new IdentityHashMap<>();
    private int nextGenerated = ThreadLocalRandom.current().nextInt();

    Router(SocketOptions options, Signaler signaler, DropCounter drops) {
        super(options, signaler, drops);
    }

    @Override
    public void attach(Peer peer) {
        byte[] id = peer.routingId().length > 0 ? peer.routingId() : generateId();
        Peer holder = byId.get(ByteBuffer.wrap(id));
        if (holder != null && holder != peer) {
            if (!options.get(SocketOption.ROUTER_HANDOVER)) {
                peer.disconnect("routing id 0x" + HexFormat.of().formatHex(id) + " is already in use");
                return;
            }
            idOf.remove(holder);
            in.detach(holder);
        }
        byId.put(ByteBuffer.wrap(id), peer);
        idOf.put(peer, id);
        in.attach(peer);
    }

    private byte[] generateId() {
        int n = nextGenerated++;
        return new byte[] {0, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    @Override
    public List<ZmqMessage> preamble(Peer peer, boolean replay) {
        return probe();
    }

    @Override
    public void detach(Peer peer) {
        byte[] id = idOf.remove(peer);
        if (id != null) {
            byId.remove(ByteBuffer.wrap(id), peer);
        }
        in.detach(peer);
    }

    @Override
    public boolean send(ZmqMessage message) {
        if (message.size() < 2) {
            throw new ZmqException(ErrorCode.EINVAL, "a ROUTER message needs a routing id frame and a body");
        }
        byte[] id = message.data(0);
        Peer peer = byId.get(ByteBuffer.wrap(id));
        boolean mandatory = options.get(SocketOption.ROUTER_MANDATORY);
        if (peer == null) {
            if (mandatory) {
                throw new ZmqException(ErrorCode.EHOSTUNREACH, "no peer with routing id 0x" + HexFormat.of().formatHex(id));
            }
            drops.droppedNoRoute();
            return true;
        }
        if (peer.send(ZmqMessage.of(message.frames().subList(1, message.size())))) {
            return true;
        }
        if (mandatory) {
            return false;
        }
        drops.droppedAtHwm();
        return true;
    }

    @Override
    public @Nullable ZmqMessage recv() {
        ZmqMessage m = in.recv();
        if (m == null) {
            return null;
        }
        byte[] id = idOf.get(in.lastPeer());
        List<Frame> frames = new ArrayList<>(m.size() + 1);
        frames.add(Frame.wrap(id != null ? id : in.lastPeer().routingId()));
        frames.addAll(m.frames());
        return m.withFrames(frames);
    }
}
