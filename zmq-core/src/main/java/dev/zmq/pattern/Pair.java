package dev.zmq.pattern;

import dev.zmq.SocketOptions;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Received;
import dev.zmq.pipe.Signaler;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * PAIR: talks to exactly one peer. Further peers wait unused until the current one leaves. Sending with no peer,
 * or with the peer's pipe at SNDHWM, waits or fails with EAGAIN.
 */
final class Pair extends SocketPattern {

    private final List<Peer> peers = new ArrayList<>();
    private final FairQueue in = new FairQueue(signaler);

    Pair(SocketOptions options, Signaler signaler, DropCounter drops) {
        super(options, signaler, drops);
    }

    @Override
    public void attach(Peer peer) {
        peers.add(peer);
        if (peers.size() == 1) {
            in.attach(peer);
        }
    }

    @Override
    public boolean canSend() {
        return !peers.isEmpty() && peers.get(0).out().hasRoom();
    }

    @Override
    public void detach(Peer peer) {
        boolean wasActive = !peers.isEmpty() && peers.get(0) == peer;
        peers.remove(peer);
        if (wasActive) {
            in.detach(peer);
            if (!peers.isEmpty()) {
                in.attach(peers.get(0));
            }
        }
    }

    @Override
    public boolean send(ZmqMessage message) {
        return !peers.isEmpty() && peers.get(0).send(message);
    }

    @Override
    public @Nullable ZmqMessage recv() {
        return in.recv();
    }

    @Override
    public boolean recvInto(Received into) {
        return in.recvInto(into);
    }
}
