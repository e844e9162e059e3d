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
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * REQ: sends a request (behind an empty delimiter frame, and a request id with REQ_CORRELATE) to one peer in turn,
 * then accepts a reply only from that peer and strips the envelope. Sending twice without receiving is an EFSM error
 * unless REQ_RELAXED; receiving before sending always is. Replies that do not fit are discarded.
 */
final class Req extends SocketPattern {

    private final LoadBalancer out = new LoadBalancer();
    /** The peer the last request went to; {@code null} before the first. */
    private @Nullable Peer replyFrom;
    private boolean awaitingReply;
    private int requestId = ThreadLocalRandom.current().nextInt();

    Req(SocketOptions options, Signaler signaler, DropCounter drops) {
        super(options, signaler, drops);
    }

    @Override
    public void attach(Peer peer) {
        out.attach(peer);
    }

    @Override
    public boolean canSend() {
        return (!awaitingReply || options.get(SocketOption.REQ_RELAXED)) && out.hasRoom();
    }

    @Override
    public void detach(Peer peer) {
        out.detach(peer);
    }

    @Override
    public boolean send(ZmqMessage message) {
        if (awaitingReply && !options.get(SocketOption.REQ_RELAXED)) {
            throw new ZmqException(ErrorCode.EFSM, "REQ must receive the reply before sending another request"
                    + " (or set REQ_RELAXED)");
        }
        boolean correlate = options.get(SocketOption.REQ_CORRELATE);
        int id = requestId + 1;
        ZmqMessage.Builder b = ZmqMessage.builder();
        if (correlate) {
            b.add(ByteBuffer.allocate(4).putInt(id).array());
        }
        b.add(Frame.EMPTY);
        message.frames().forEach(b::add);
        Peer peer = out.send(b.build());
        if (peer == null) {
            return false;
        }
        requestId = id;
        replyFrom = peer;
        awaitingReply = true;
        return true;
    }

    @Override
    public @Nullable ZmqMessage recv() {
        if (!awaitingReply) {
            throw new ZmqException(ErrorCode.EFSM, "REQ must send a request before receiving");
        }
        discardStrayReplies();
        ZmqMessage m;
        Peer from = Objects.requireNonNull(replyFrom, "awaiting a reply to a request sent");
        while ((m = from.recv()) != null) {
            ZmqMessage body = strip(m);
            if (body != null) {
                awaitingReply = false;
                return body;
            }
        }
        return null;
    }

    /** The reply body, or {@code null} when the envelope is not the one our request carried. */
    private @Nullable ZmqMessage strip(ZmqMessage m) {
        int i = 0;
        if (options.get(SocketOption.REQ_CORRELATE)) {
            Frame id = m.frame(0);
            if (m.size() < 2 || id.size() != 4 || ByteBuffer.wrap(id.data()).getInt() != requestId) {
                return null;
            }
            i = 1;
        }
        if (m.size() < i + 2 || !m.frame(i).isEmpty()) {
            return null;
        }
        return m.withFrames(m.frames().subList(i + 1, m.size()));
    }

    private void discardStrayReplies() {
        for (Peer p : out.peers()) {
            if (p != replyFrom) {
                p.in().clear();
            }
        }
    }
}
