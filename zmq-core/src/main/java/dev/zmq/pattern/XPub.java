package dev.zmq.pattern;

import dev.zmq.SocketOption;
import dev.zmq.SocketOptions;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Signaler;
import dev.zmq.wire.Subscription;

import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * XPUB: PUB that also hands the application its subscribers' subscriptions ({@code 0x01}+topic) and cancels
 * ({@code 0x00}+topic): only the first subscription to a topic and the last cancel, unless XPUB_VERBOSE passes
 * every subscription. With XPUB_NODROP a send to a full subscriber fails with EAGAIN instead of dropping.
 */
final class XPub extends Pub {

    private final SubscriptionTrie all = new SubscriptionTrie();
    private final ArrayDeque<ZmqMessage> upstream = new ArrayDeque<>();

    XPub(SocketOptions options, Signaler signaler, DropCounter drops) {
        super(options, signaler, drops);
    }

    @Override
    protected void subscriptionChanged(byte[] prefix, boolean subscribe, boolean changed) {
        boolean first = changed && subscribe && all.add(prefix);
        boolean last = changed && !subscribe && all.remove(prefix);
        boolean verbose = subscribe && options.get(SocketOption.XPUB_VERBOSE);
        if (first || last || verbose) {
            upstream.add(Subscription.of(subscribe, prefix).toMessage());
        }
    }

    @Override
    protected void otherMessage(ZmqMessage message) {
        upstream.add(message);
    }

    @Override
    public @Nullable ZmqMessage recv() {
        applySubscriptions();
        return upstream.poll();
    }
}
