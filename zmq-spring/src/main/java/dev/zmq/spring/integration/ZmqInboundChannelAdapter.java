package dev.zmq.spring.integration;

import dev.zmq.SocketType;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.springframework.integration.endpoint.MessageProducerSupport;

import java.util.EnumSet;

/**
 * Inbound channel adapter: every message a SUB, XSUB, DISH, PULL, GATHER, PAIR, CHANNEL, ROUTER, DEALER or SERVER
 * socket receives is sent to the output channel as soon as it arrives (no polling), with headers for its topic,
 * group and routing id. Failures go to the error channel when one is set. Starts and stops with its
 * flow. Configure before start; thread-safe afterwards. The constructor throws {@link IllegalArgumentException} for a
 * socket type that cannot feed an adapter.
 */
public class ZmqInboundChannelAdapter extends MessageProducerSupport {

    private final InboundSocket socket;
    private ZmqInboundMapper mapper;

    /** An adapter receiving on the socket {@code spec}, with containers made by {@code factory}. */
    public ZmqInboundChannelAdapter(ZmqListenerContainerFactory factory, ZmqSocketSpec spec,
                                    ZmqMessageConverter converter) {
        this.socket = new InboundSocket(factory, spec, EnumSet.of(SocketType.SUB, SocketType.XSUB, SocketType.DISH,
                SocketType.PULL, SocketType.GATHER, SocketType.PAIR, SocketType.CHANNEL, SocketType.ROUTER,
                SocketType.DEALER, SocketType.SERVER), "an inbound channel adapter");
        this.mapper = new ZmqInboundMapper(PayloadMapping.BYTES, Object.class, converter, spec.name());
    }

    /** What payloads become ({@code JSON} reads {@code type}). */
    public void setPayloadMapping(PayloadMapping mapping, Class<?> type) {
        this.mapper = mapper.with(mapping, type);
    }

    @Override
    public String getComponentType() {
        return "zmq:inbound-channel-adapter";
    }

    @Override
    protected void onInit() {
        super.onInit();
        socket.open(getComponentName() != null ? getComponentName() : "zmq-inbound-" + socket.spec().name(),
                m -> {
                    sendMessage(mapper.toMessage(m));
                    return null;
                });
    }

    @Override
    protected void doStart() {
        socket.start();
    }

    @Override
    protected void doStop() {
        socket.stop();
    }
}
