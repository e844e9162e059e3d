package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.ZmqContext;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.integration.PayloadMapping;
import dev.zmq.spring.integration.dsl.Zmq;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.springframework.integration.dsl.IntegrationFlow;

/** The two flow shapes the integration tests use again and again: a channel into a socket, a socket into a channel. */
final class TestFlows {

    private TestFlows() {
    }

    /** Messages sent to {@code channel} go out through the outbound adapter of socket {@code socket}. */
    static IntegrationFlow channelToSocket(String channel, String socket, ZmqContext context, ZmqSocketRegistry sockets,
                                           ZmqMessageConverter converter) {
        return IntegrationFlow.from(channel).handle(Zmq.outboundAdapter(context, sockets.get(socket), converter)).get();
    }

    /** What socket {@code socket} receives goes, as String payloads, to {@code channel}. */
    static IntegrationFlow socketToChannel(String socket, String channel, ZmqListenerContainerFactory factory,
                                           ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
        return IntegrationFlow.from(Zmq.inboundAdapter(factory, sockets.get(socket), converter)
                .payload(PayloadMapping.STRING)).channel(channel).get();
    }
}
