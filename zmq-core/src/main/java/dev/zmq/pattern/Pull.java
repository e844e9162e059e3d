package dev.zmq.pattern;

import dev.zmq.SocketOptions;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Received;
import dev.zmq.pipe.Signaler;
import org.jspecify.annotations.Nullable;

/**
 * PULL: fair-queues messages from connected pushers. Cannot send.
 */
final class Pull extends SocketPattern {

    private final FairQueue in = new FairQueue(signaler);

    Pull(SocketOptions options, Signaler signaler, DropCounter drops) {
        super(options, signaler, drops);
    }

    @Override
    public void attach(Peer peer) {
        in.attach(peer);
    }

    @Override
    public boolean canSend() {
        return false;
    }

    @Override
    public void detach(Peer peer) {
        in.detach(peer);
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
