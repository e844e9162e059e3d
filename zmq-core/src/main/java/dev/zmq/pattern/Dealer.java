package dev.zmq.pattern;

import dev.zmq.SocketOptions;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Received;
import dev.zmq.pipe.Signaler;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * DEALER: round-robin out to peers with room (waits or EAGAIN when none has), fair-queue in; messages pass
 * unchanged, so the application handles any envelope. With PROBE_ROUTER every new connection first sends an empty message.
 */
final class Dealer extends SocketPattern {

    private final LoadBalancer out = new LoadBalancer();
    private final FairQueue in = new FairQueue(signaler);

    Dealer(SocketOptions options, Signaler signaler, DropCounter drops) {
        super(options, signaler, drops);
    }

    @Override
    public void attach(Peer peer) {
        out.attach(peer);
        in.attach(peer);
    }

    @Override
    public List<ZmqMessage> preamble(Peer peer, boolean replay) {
        return probe();
    }

    @Override
    public boolean canSend() {
        return out.hasRoom();
    }

    @Override
    public void detach(Peer peer) {
        out.detach(peer);
        in.detach(peer);
    }

    @Override
    public boolean send(ZmqMessage message) {
        return out.send(message) != null;
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
