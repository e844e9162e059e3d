package dev.zmq.spring.integration;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.core.SharedSocket;
import dev.zmq.spring.listener.MessageListenerContainer;
import dev.zmq.spring.support.ReceivedMessage;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.channel.AbstractSubscribableChannel;
import org.springframework.integration.dispatcher.AbstractDispatcher;
import org.springframework.integration.dispatcher.BroadcastingDispatcher;
import org.springframework.integration.dispatcher.RoundRobinLoadBalancingStrategy;
import org.springframework.integration.dispatcher.UnicastingDispatcher;
import org.springframework.messaging.Message;

import java.util.List;

/**
 * A subscribable channel carried by ZeroMQ: a send goes out through a PUSH (point-to-point: each message to one
 * subscriber, in turn) or PUB (publish-subscribe: to every subscriber) socket, and a PULL or SUB socket hands what arrives to
 * the subscribers. By default both ends meet at {@code inproc://zmq-channel-<name>}; bind or connect either end
 * elsewhere ({@code tcp://...}) to make it a channel between applications. Payloads travel as the converter writes
 * them and arrive as the payload mapping says ({@code byte[]} by default); headers stay local.
 *
 * <p>Thread-safe. Throws {@link dev.zmq.ZmqException} from {@link #start()} when an endpoint cannot be bound.
 */
public class ZmqChannel extends AbstractSubscribableChannel implements SmartLifecycle {

    private final ZmqContext context;
    private final ZmqListenerContainerFactory factory;
    private final ZmqMessageConverter converter;
    private final boolean pubSub;
    private final AbstractDispatcher dispatcher;
    private volatile @Nullable List<String> sendBind;
    private volatile List<String> sendConnect = List.of();
    private volatile List<String> receiveBind = List.of();
    private volatile @Nullable List<String> receiveConnect;
    private ZmqInboundMapper mapper;
    private volatile @Nullable SharedSocket sender;
    private volatile @Nullable MessageListenerContainer receiver;

    /** A channel; {@code pubSub} broadcasts to every subscriber instead of one. */
    public ZmqChannel(ZmqContext context, ZmqListenerContainerFactory factory, ZmqMessageConverter converter,
                      boolean pubSub) {
        this.context = context;
        this.factory = factory;
        this.converter = converter;
        this.pubSub = pubSub;
        this.dispatcher = pubSub ? new BroadcastingDispatcher(true) : roundRobin();
        this.mapper = new ZmqInboundMapper(PayloadMapping.BYTES, Object.class, converter, "");
    }

    private static UnicastingDispatcher roundRobin() {
        UnicastingDispatcher d = new UnicastingDispatcher();
        d.setLoadBalancingStrategy(new RoundRobinLoadBalancingStrategy());
        return d;
    }

    /** Where the sending socket binds and connects (default: binds {@code inproc://zmq-channel-<name>}). */
    public void setSendEndpoints(List<String> bind, List<String> connect) {
        this.sendBind = List.copyOf(bind);
        this.sendConnect = List.copyOf(connect);
    }

    /** Where the receiving socket binds and connects (default: connects to the sending socket's inproc endpoint). */
    public void setReceiveEndpoints(List<String> bind, List<String> connect) {
        this.receiveBind = List.copyOf(bind);
        this.receiveConnect = List.copyOf(connect);
    }

    /** What arriving payloads become ({@code JSON} reads {@code type}). */
    public void setPayloadMapping(PayloadMapping mapping, Class<?> type) {
        this.mapper = mapper.with(mapping, type);
    }

    @Override
    protected AbstractDispatcher getDispatcher() {
        return dispatcher;
    }

    @Override
    protected boolean doSend(Message<?> message, long timeout) {
        SharedSocket s = sender;
        if (s == null) {
            throw new IllegalStateException("ZeroMQ channel '" + getComponentName() + "' is not started");
        }
        s.send(converter.toZmqMessage(message.getPayload()));
        return true;
    }

    @Override
    public synchronized void start() {
        if (sender != null) {
            return;
        }
        String name = getComponentName();
        if (name == null) {
            // the name is the sockets' metrics tag: one made up per instance would start new series on every run
            throw new IllegalStateException("a ZmqChannel needs a name for its sockets and their metrics: declare it"
                    + " as a bean or call setComponentName(...) before it starts");
        }
        String local = "inproc://zmq-channel-" + name;
        List<String> bind = sendBind != null ? sendBind : List.of(local);
        List<String> connect = receiveConnect != null ? receiveConnect : List.of(local);
        SocketType in = pubSub ? SocketType.SUB : SocketType.PULL;
        ZmqSocketSpec out = new ZmqSocketSpec(name + "-out", pubSub ? SocketType.PUB : SocketType.PUSH, bind,
                sendConnect, List.of(), List.of());
        ZmqSocketSpec receive = new ZmqSocketSpec(name + "-in", in, receiveBind, connect,
                pubSub ? List.of("") : List.of(), List.of());
        ZmqInboundMapper named = new ZmqInboundMapper(mapper.mapping(), mapper.payloadType(), converter, name);
        sender = SharedSocket.open(out, context);
        receiver = factory.createContainer(name, receive, m -> {
            dispatcher.dispatch(named.toMessage(ReceivedMessage.split(m.raw(), SocketType.PULL)));
            return null;
        });
        receiver.start();
    }

    @Override
    public synchronized void stop() {
        if (receiver != null) {
            receiver.stop();
            receiver = null;
        }
        if (sender != null) {
            sender.close();
            sender = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }
}
