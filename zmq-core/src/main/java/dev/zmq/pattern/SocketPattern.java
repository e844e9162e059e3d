package dev.zmq.pattern;

import dev.zmq.ErrorCode;
import dev.zmq.Frame;
import dev.zmq.SocketOption;
import dev.zmq.SocketOptions;
import dev.zmq.SocketType;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Received;
import dev.zmq.pipe.Signaler;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A socket type's routing rule: which peer an outgoing message goes to, which peer the next incoming message comes
 * from, and what happens at the high-water mark. One subclass per socket type.
 *
 * <p>Thread-safety: called only on the socket's thread (one at a time), except {@link #preamble(Peer, boolean)}, which I/O
 * threads call and which must be thread-safe.
 */
public abstract class SocketPattern {

    /** The socket's options (read live). */
    protected final SocketOptions options;
    /** Records wake-ups: inbound pipes of this socket's peers going non-empty among them. */
    protected final Signaler signaler;
    /** Messages dropped by this rule (HWM for PUB/XPUB). */
    protected final DropCounter drops;

    /** An empty message for every new connection when PROBE_ROUTER is set (DEALER, ROUTER). */
    protected final List<ZmqMessage> probe() {
        return options.get(SocketOption.PROBE_ROUTER) ? List.of(ZmqMessage.of(Frame.EMPTY)) : List.of();
    }

    protected SocketPattern(SocketOptions options, Signaler signaler, DropCounter drops) {
        this.options = options;
        this.signaler = signaler;
        this.drops = drops;
    }

    /** Makes the pattern for {@code type}. */
    public static SocketPattern create(SocketType type, SocketOptions options, Signaler signaler, DropCounter drops) {
        return switch (type) {
            case PAIR -> new Pair(options, signaler, drops);
            case PUSH -> new Push(options, signaler, drops);
            case PULL -> new Pull(options, signaler, drops);
            case PUB -> new Pub(options, signaler, drops);
            case XPUB -> new XPub(options, signaler, drops);
            case SUB -> new Sub(options, signaler, drops);
            case XSUB -> new XSub(options, signaler, drops);
            case REQ -> new Req(options, signaler, drops);
            case REP -> new Rep(options, signaler, drops);
            case DEALER -> new Dealer(options, signaler, drops);
            case ROUTER -> new Router(options, signaler, drops);
            case CLIENT -> new SingleFrame("CLIENT", new Dealer(options, signaler, drops));
            case SERVER, PEER -> new SingleFrame(type.name(), new Server(type.name(), options, signaler, drops));
            case RADIO -> new Radio(options, signaler, drops);
            case DISH -> new Dish(options, signaler, drops);
            case SCATTER -> new SingleFrame("SCATTER", new Push(options, signaler, drops));
            case GATHER -> new SingleFrame("GATHER", new Pull(options, signaler, drops));
            case CHANNEL -> new SingleFrame("CHANNEL", new Pair(options, signaler, drops));
        };
    }

    /** A peer joined. */
    public abstract void attach(Peer peer);

    /** A peer left; messages it already delivered may still be read. */
    public abstract void detach(Peer peer);

    /**
     * Routes {@code message}.
     *
     * @return {@code true} when the message was taken (queued, or dropped as the rule says); {@code false} when the
     *     caller must wait for room (EAGAIN)
     * @throws ZmqException ENOTSUP when this socket type cannot send, EINVAL for a message it cannot route
     */
    public boolean send(ZmqMessage message) {
        throw new ZmqException(ErrorCode.ENOTSUP, getClass().getSimpleName().toUpperCase() + " sockets cannot send");
    }

    /** Whether a send would be taken now without waiting (for the poller). Default: always. */
    public boolean canSend() {
        return true;
    }

    /**
     * The next message for the application, or {@code null} when none is ready.
     *
     * @throws ZmqException ENOTSUP when this socket type cannot receive
     */
    public @Nullable ZmqMessage recv() {
        throw new ZmqException(ErrorCode.ENOTSUP, getClass().getSimpleName().toUpperCase() + " sockets cannot receive");
    }

    /**
     * As {@link #recv()}, into {@code into}: the types that fair-queue plain messages give a bare one as its body
     * alone (for {@code ZmqSocket.recvBytes}, which then makes no message object), the others a whole message.
     *
     * @return {@code false} when no message is ready
     */
    public boolean recvInto(Received into) {
        return into.whole(recv());
    }

    /**
     * Adds ({@code subscribe}) or cancels one subscription to {@code topic}.
     *
     * @throws ZmqException ENOTSUP unless this is a SUB or XSUB socket
     */
    public void subscribe(byte[] topic, boolean subscribe) {
        throw new ZmqException(ErrorCode.ENOTSUP, "only SUB and XSUB sockets subscribe");
    }

    /**
     * Joins ({@code join}) or leaves {@code group}.
     *
     * @throws ZmqException ENOTSUP unless this is a DISH socket; EINVAL for a group joined twice, left but not
     *     joined, or longer than 255 bytes
     */
    public void join(String group, boolean join) {
        throw new ZmqException(ErrorCode.ENOTSUP, "only DISH sockets join groups");
    }

    /** The routing id this socket gave {@code peer} (SERVER, PEER), or 0 when it gives none or {@code peer} is null. */
    public int routingIdOf(@Nullable Peer peer) {
        return 0;
    }

    /**
     * Messages a new connection to {@code peer} sends before anything queued. Thread-safe: I/O threads call it.
     *
     * @param replay whether state the peer's pipe carried before (a SUB's subscriptions) must be sent again: true
     *               for accepted peers and reconnects, false for a connecting peer's first connection
     */
    public List<ZmqMessage> preamble(Peer peer, boolean replay) {
        return List.of();
    }
}
