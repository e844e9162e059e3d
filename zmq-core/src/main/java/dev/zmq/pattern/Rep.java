package dev.zmq.pattern;

import dev.zmq.ErrorCode;
import dev.zmq.Frame;
import dev.zmq.SocketOptions;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Signaler;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * REP: receives requests fair-queued, keeps each request's envelope (every frame up to and including the empty
 * delimiter) and hands the application only the body; the next send is the reply and goes back to the same peer with
 * that envelope. Receiving twice or sending first is an EFSM error. Requests without a delimiter are discarded; a
 * reply to a peer whose pipe is full is dropped (counted).
 */
final class Rep extends SocketPattern {

    private final FairQueue in = new FairQueue(signaler);
    /** The envelope of the request being answered and the peer it came from; {@code null} when none is. */
    private @Nullable List<Frame> envelope;
    private @Nullable Peer replyTo;

    Rep(SocketOptions options, Signaler signaler, DropCounter drops) {
        super(options, signaler, drops);
    }

    @Override
    public void attach(Peer peer) {
        in.attach(peer);
    }

    @Override
    public boolean canSend() {
        return envelope != null;
    }

    @Override
    public void detach(Peer peer) {
        in.detach(peer);
    }

    @Override
    public @Nullable ZmqMessage recv() {
        if (envelope != null) {
            throw new ZmqException(ErrorCode.EFSM, "REP must send the reply before receiving the next request");
        }
        ZmqMessage m;
        while ((m = in.recv()) != null) {
            int delimiter = m.frames().indexOf(Frame.EMPTY);
            if (delimiter >= 0 && delimiter + 1 < m.size()) {
                envelope = m.frames().subList(0, delimiter + 1);
                replyTo = in.lastPeer();
                return m.withFrames(m.frames().subList(delimiter + 1, m.size()));
            }
        }
        return null;
    }

    @Override
    public boolean send(ZmqMessage message) {
        if (envelope == null) {
            throw new ZmqException(ErrorCode.EFSM, "REP must receive a request before sending a reply");
        }
        ZmqMessage.Builder b = ZmqMessage.builder();
        envelope.forEach(b::add);
        message.frames().forEach(b::add);
        if (!Objects.requireNonNull(replyTo, "set with the envelope").send(b.build())) {
            drops.droppedAtHwm();
        }
        envelope = null;
        replyTo = null;
        return true;
    }
}
