package dev.zmq.spring.integration.dsl;

import dev.zmq.spring.integration.PayloadMapping;
import dev.zmq.spring.integration.ZmqInboundGateway;
import org.springframework.integration.dsl.MessagingGatewaySpec;

/** Fluent configuration of a {@link ZmqInboundGateway}. Not thread-safe; a builder. */
public final class ZmqInboundGatewaySpec extends MessagingGatewaySpec<ZmqInboundGatewaySpec, ZmqInboundGateway> {

    ZmqInboundGatewaySpec(ZmqInboundGateway gateway) {
        super(gateway);
    }

    /** Request payloads as {@code mapping} says (BYTES, STRING, FRAMES). */
    public ZmqInboundGatewaySpec payload(PayloadMapping mapping) {
        this.target.setPayloadMapping(mapping, Object.class);
        return this;
    }

    /** Request payloads read from JSON as {@code type}. */
    public ZmqInboundGatewaySpec payloadType(Class<?> type) {
        this.target.setPayloadMapping(PayloadMapping.JSON, type);
        return this;
    }
}
