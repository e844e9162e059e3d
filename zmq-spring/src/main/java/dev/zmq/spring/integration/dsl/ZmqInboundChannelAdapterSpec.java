package dev.zmq.spring.integration.dsl;

import dev.zmq.spring.integration.PayloadMapping;
import dev.zmq.spring.integration.ZmqInboundChannelAdapter;
import org.springframework.integration.dsl.MessageProducerSpec;

/** Fluent configuration of a {@link ZmqInboundChannelAdapter}. Not thread-safe; a builder. */
public final class ZmqInboundChannelAdapterSpec
        extends MessageProducerSpec<ZmqInboundChannelAdapterSpec, ZmqInboundChannelAdapter> {

    ZmqInboundChannelAdapterSpec(ZmqInboundChannelAdapter adapter) {
        super(adapter);
    }

    /** Payloads as {@code mapping} says (BYTES, STRING, FRAMES). */
    public ZmqInboundChannelAdapterSpec payload(PayloadMapping mapping) {
        this.target.setPayloadMapping(mapping, Object.class);
        return this;
    }

    /** Payloads read from JSON as {@code type}. */
    public ZmqInboundChannelAdapterSpec payloadType(Class<?> type) {
        this.target.setPayloadMapping(PayloadMapping.JSON, type);
        return this;
    }
}
