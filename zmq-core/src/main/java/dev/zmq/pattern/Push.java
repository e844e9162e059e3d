package dev.zmq.pattern;

import dev.zmq.SocketOptions;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Signaler;

/**
 * PUSH: round-robin to connected pullers; when every puller's pipe is at SNDHWM (or there is none), the send
 * waits or fails with EAGAIN. Cannot receive.
 */
final class Push extends SocketPattern {

    private final LoadBalancer out = new LoadBalancer();

    Push(SocketOptions options, Signaler signaler, DropCounter drops) {
        super(options, signaler, drops);
    }

    @Override
    public void attach(Peer peer) {
        out.attach(peer);
    }

    @Override
    public boolean canSend() {
        return out.hasRoom();
    }

    @Override
    public void detach(Peer peer) {
        out.detach(peer);
    }

    @Override
    public boolean send(ZmqMessage message) {
        return out.send(message) != null;
    }
}
