package dev.zmq.spring.integration;

import dev.zmq.SocketType;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.springframework.integration.gateway.MessagingGatewaySupport;
import org.springframework.messaging.Message;

import java.util.Arrays;
import java.util.EnumSet;

/**
 * Inbound gateway: each request a socket that {@linkplain SocketType#replies() replies} (REP, ROUTER, SERVER, PEER)
 * receives goes into the flow, and the flow's reply goes
 * back to the peer that asked (a ROUTER reply keeps the sender's envelope, a SERVER reply its routing id). With no
 * reply in time the requester gets an empty frame (REP); a failing flow answers through the error channel or with
 * {@code ERROR} frames. Concurrency comes from the container factory. Configure before start; thread-safe
 * afterwards. The constructor throws {@link IllegalArgumentException} for a socket type that cannot answer requests.
 */
public class ZmqInboundGateway extends MessagingGatewaySupport {

    private final InboundSocket socket;
    private final ZmqMessageConverter converter;
    private ZmqInboundMapper mapper;

    /** A gateway answering on the socket {@code spec}, with containers made by {@code factory}. */
    public ZmqInboundGateway(ZmqListenerContainerFactory factory, ZmqSocketSpec spec, ZmqMessageConverter converter) {
        this.socket = new InboundSocket(factory, spec,
                EnumSet.copyOf(Arrays.stream(SocketType.values()).filter(SocketType::replies).toList()),
                "an inbound gateway");
        this.converter = converter;
        this.mapper = new ZmqInboundMapper(PayloadMapping.BYTES, Object.class, converter, spec.name());
    }

    /** What request payloads become ({@code JSON} reads {@code type}). */
    public void setPayloadMapping(PayloadMapping mapping, Class<?> type) {
        this.mapper = mapper.with(mapping, type);
    }

    @Override
    public String getComponentType() {
        return "zmq:inbound-gateway";
    }

    @Override
    protected void onInit() {
        super.onInit();
        socket.open(getComponentName() != null ? getComponentName() : "zmq-gateway-" + socket.spec().name(), m -> {
            Message<?> reply = sendAndReceiveMessage(mapper.toMessage(m));
            return reply == null ? null : converter.toZmqMessage(reply.getPayload());
        });
    }

    @Override
    protected void doStart() {
        super.doStart();
        socket.start();
    }

    @Override
    protected void doStop() {
        socket.stop();
        super.doStop();
    }

}
