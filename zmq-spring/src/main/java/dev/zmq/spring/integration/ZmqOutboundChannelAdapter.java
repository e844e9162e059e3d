package dev.zmq.spring.integration;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.core.SharedSocket;
import dev.zmq.spring.support.OutgoingTopic;
import dev.zmq.spring.support.ZmqHeaders;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.expression.Expression;
import org.springframework.integration.expression.ExpressionUtils;
import org.springframework.integration.handler.AbstractMessageHandler;
import org.springframework.messaging.Message;

import java.util.EnumSet;
import java.util.Set;

/**
 * Outbound channel adapter: sends each message's payload through a PUB, XPUB, RADIO, PUSH, SCATTER, PAIR, CHANNEL,
 * DEALER or CLIENT socket. A topic comes from the topic expression when set, else the {@link ZmqHeaders#TOPIC} (or,
 * for RADIO, {@link ZmqHeaders#GROUP}) header: a frame before the body, or a RADIO message's group (which it needs).
 * Payloads convert as the template converts them ({@code ZmqMessage} as is, bytes, text, else JSON).
 *
 * <p>Thread-safe: any number of flow threads may send at once (see {@link SharedSocket}). Sending blocks at the
 * HWM as the socket type does (PUB drops instead). Throws {@link IllegalArgumentException} at construction for a
 * socket type that cannot send one-way.
 */
public class ZmqOutboundChannelAdapter extends AbstractMessageHandler implements DisposableBean {

    private static final Set<SocketType> ALLOWED = EnumSet.of(SocketType.PUB, SocketType.XPUB, SocketType.RADIO,
            SocketType.PUSH, SocketType.SCATTER, SocketType.PAIR, SocketType.CHANNEL, SocketType.DEALER,
            SocketType.CLIENT);

    private final ZmqSocketSpec spec;
    private final ZmqContext context;
    private final ZmqMessageConverter converter;
    private volatile @Nullable SharedSocket socket;
    private @Nullable Expression topic;

    /** An adapter sending through the socket {@code spec}, opened in {@code context} when the first message comes. */
    public ZmqOutboundChannelAdapter(ZmqContext context, ZmqSocketSpec spec, ZmqMessageConverter converter) {
        if (!ALLOWED.contains(spec.type())) {
            throw new IllegalArgumentException("an outbound channel adapter needs a socket of type " + ALLOWED
                    + "; '" + spec.name() + "' is " + spec.type());
        }
        this.spec = spec;
        this.context = context;
        this.converter = converter;
    }

    /** The topic of each message, evaluated against it (e.g. {@code headers.region}). */
    public void setTopicExpression(Expression topic) {
        this.topic = topic;
    }

    @Override
    public String getComponentType() {
        return "zmq:outbound-channel-adapter";
    }

    @Override
    protected void handleMessageInternal(Message<?> message) {
        Object t = topic != null ? topic.getValue(ExpressionUtils.createStandardEvaluationContext(getBeanFactory()),
                message) : message.getHeaders().get(ZmqHeaders.TOPIC);
        if (t == null && spec.type() == SocketType.RADIO) {
            t = message.getHeaders().get(ZmqHeaders.GROUP);
            if (t == null) {
                throw new IllegalArgumentException("socket '" + spec.name() + "' is a RADIO: each message needs a "
                        + "group (set the adapter's topic expression, or the zmq_group or zmq_topic header)");
            }
        }
        ZmqMessage body = converter.toZmqMessage(message.getPayload());
        socket().send(t == null ? body : OutgoingTopic.apply(spec.type(), t.toString(), body));
    }

    private SharedSocket socket() {
        SharedSocket s = socket;
        if (s == null) {
            synchronized (this) {
                if (socket == null) {
                    socket = SharedSocket.open(spec, context);
                }
                s = socket;
            }
        }
        return s;
    }

    @Override
    public synchronized void destroy() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
