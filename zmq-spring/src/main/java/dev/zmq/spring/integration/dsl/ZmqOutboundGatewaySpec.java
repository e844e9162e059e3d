package dev.zmq.spring.integration.dsl;

import dev.zmq.spring.integration.PayloadMapping;
import dev.zmq.spring.integration.ZmqOutboundGateway;
import org.springframework.integration.dsl.MessageHandlerSpec;

import java.time.Duration;

/** Fluent configuration of a {@link ZmqOutboundGateway}. Not thread-safe; a builder. */
public final class ZmqOutboundGatewaySpec extends MessageHandlerSpec<ZmqOutboundGatewaySpec, ZmqOutboundGateway> {

    ZmqOutboundGatewaySpec(ZmqOutboundGateway gateway) {
        this.target = gateway;
    }

    /** How long each request waits for its reply. */
    public ZmqOutboundGatewaySpec replyTimeout(Duration timeout) {
        this.target.setReplyTimeout(timeout);
        return this;
    }

    /** Reply payloads as {@code mapping} says (BYTES, STRING, FRAMES). */
    public ZmqOutboundGatewaySpec payload(PayloadMapping mapping) {
        this.target.setPayloadMapping(mapping, Object.class);
        return this;
    }

    /** Reply payloads read from JSON as {@code type}. */
    public ZmqOutboundGatewaySpec payloadType(Class<?> type) {
        this.target.setPayloadMapping(PayloadMapping.JSON, type);
        return this;
    }
}
