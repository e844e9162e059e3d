package dev.zmq.spring.integration.dsl;

import dev.zmq.ZmqContext;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.integration.ZmqChannel;
import dev.zmq.spring.integration.ZmqInboundChannelAdapter;
import dev.zmq.spring.integration.ZmqInboundGateway;
import dev.zmq.spring.integration.ZmqOutboundChannelAdapter;
import dev.zmq.spring.integration.ZmqOutboundGateway;
import dev.zmq.spring.support.ZmqMessageConverter;

/**
 * Java DSL entry point for ZeroMQ in Spring Integration flows. Socket specifications come from
 * {@code ZmqSocketRegistry.get("name")} (sockets configured in application.yml) or are built in code:
 *
 * <pre>{@code
 * IntegrationFlow.from(Zmq.inboundAdapter(factory, sockets.get("orders"), converter).payloadType(Order.class))
 *         .handle(orderService::place)
 *         .get();
 * }</pre>
 *
 * Stateless; every method makes a new component.
 */
public final class Zmq {

    private Zmq() {
    }

    /** An inbound channel adapter (SUB, PULL, PAIR, ROUTER, DEALER). */
    public static ZmqInboundChannelAdapterSpec inboundAdapter(ZmqListenerContainerFactory factory, ZmqSocketSpec spec,
                                                              ZmqMessageConverter converter) {
        return new ZmqInboundChannelAdapterSpec(new ZmqInboundChannelAdapter(factory, spec, converter));
    }

    /** An outbound channel adapter (PUB, XPUB, PUSH, PAIR, DEALER). */
    public static ZmqOutboundChannelAdapterSpec outboundAdapter(ZmqContext context, ZmqSocketSpec spec,
                                                                ZmqMessageConverter converter) {
        return new ZmqOutboundChannelAdapterSpec(new ZmqOutboundChannelAdapter(context, spec, converter));
    }

    /** An inbound gateway (REP, ROUTER): the flow's reply answers the requester. */
    public static ZmqInboundGatewaySpec inboundGateway(ZmqListenerContainerFactory factory, ZmqSocketSpec spec,
                                                       ZmqMessageConverter converter) {
        return new ZmqInboundGatewaySpec(new ZmqInboundGateway(factory, spec, converter));
    }

    /** An outbound gateway (REQ, DEALER). */
    public static ZmqOutboundGatewaySpec outboundGateway(ZmqContext context, ZmqSocketSpec spec,
                                                         ZmqMessageConverter converter) {
        return new ZmqOutboundGatewaySpec(new ZmqOutboundGateway(context, spec, converter));
    }

    /** A channel carried by ZeroMQ; {@code pubSub} for publish-subscribe, else point-to-point. */
    public static ZmqChannel channel(ZmqContext context, ZmqListenerContainerFactory factory,
                                     ZmqMessageConverter converter, boolean pubSub) {
        return new ZmqChannel(context, factory, converter, pubSub);
    }
}
