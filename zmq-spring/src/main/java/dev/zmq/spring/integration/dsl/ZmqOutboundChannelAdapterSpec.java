package dev.zmq.spring.integration.dsl;

import dev.zmq.spring.integration.ZmqOutboundChannelAdapter;
import org.springframework.expression.common.LiteralExpression;
import org.springframework.integration.dsl.MessageHandlerSpec;

/** Fluent configuration of a {@link ZmqOutboundChannelAdapter}. Not thread-safe; a builder. */
public final class ZmqOutboundChannelAdapterSpec
        extends MessageHandlerSpec<ZmqOutboundChannelAdapterSpec, ZmqOutboundChannelAdapter> {

    ZmqOutboundChannelAdapterSpec(ZmqOutboundChannelAdapter adapter) {
        this.target = adapter;
    }

    /** The same topic for every message. */
    public ZmqOutboundChannelAdapterSpec topic(String topic) {
        this.target.setTopicExpression(new LiteralExpression(topic));
        return this;
    }

    /** A SpEL expression evaluated against each message for its topic, e.g. {@code headers.region}. */
    public ZmqOutboundChannelAdapterSpec topicExpression(String expression) {
        this.target.setTopicExpression(PARSER.parseExpression(expression));
        return this;
    }
}
