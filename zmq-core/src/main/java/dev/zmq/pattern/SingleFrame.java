package dev.zmq.pattern;

import dev.zmq.ErrorCode;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rule of a draft socket type that carries single-frame messages only (CLIENT, SCATTER, GATHER, CHANNEL, SERVER,
 * PEER): the routing of the rule it wraps (DEALER, PUSH, PULL, PAIR, {@link Server}), with a multipart send refused
 * (EINVAL) and a multipart message from a peer dropped (counted as unroutable), as libzmq does.
 */
final class SingleFrame extends SocketPattern {

    private final SocketPattern routing;
    private final String typeName;

    SingleFrame(String typeName, SocketPattern routing) {
        super(routing.options, routing.signaler, routing.drops);
        this.typeName = typeName;
        this.routing = routing;
    }

    @Override
    public void attach(Peer peer) {
        routing.attach(peer);
    }

    @Override
    public void detach(Peer peer) {
        routing.detach(peer);
    }

    @Override
    public boolean send(ZmqMessage message) {
        if (message.size() != 1) {
            throw new ZmqException(ErrorCode.EINVAL, typeName + " sockets send single-frame messages only; this one "
                    + "has " + message.size() + " frames");
        }
        return routing.send(message);
    }

    @Override
    public boolean canSend() {
        return routing.canSend();
    }

    @Override
    public @Nullable ZmqMessage recv() {
        ZmqMessage m;
        while ((m = routing.recv()) != null && m.size() != 1) {
            drops.droppedNoRoute();
        }
        return m;
    }

    @Override
    public int routingIdOf(@Nullable Peer peer) {
        return routing.routingIdOf(peer);
    }

    @Override
    public List<ZmqMessage> preamble(Peer peer, boolean replay) {
        return List.of();
    }
}
