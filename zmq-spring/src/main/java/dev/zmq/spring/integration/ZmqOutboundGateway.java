package dev.zmq.spring.integration;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.core.SharedSocket;
import dev.zmq.spring.support.ReceivedMessage;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.integration.handler.AbstractReplyProducingMessageHandler;
import org.springframework.messaging.Message;

import java.time.Duration;

/**
 * Outbound gateway: sends each request through a REQ, DEALER or CLIENT socket and produces the reply (DEALER requests
 * carry a correlation frame, so late replies to timed-out requests are recognised and dropped; CLIENT messages are
 * single frames, so its requests go one at a time and replies left over from timed-out ones are discarded first). A
 * missing reply fails the request with {@link dev.zmq.ZmqException} (EAGAIN) after the reply timeout.
 *
 * <p>Thread-safe: over a DEALER any number of requests are in flight at once, over a REQ one at a time (see
 * {@link SharedSocket}). Throws
 * {@link IllegalArgumentException} at construction for a socket type that cannot request.
 */
public class ZmqOutboundGateway extends AbstractReplyProducingMessageHandler implements DisposableBean {

    private final SharedSocket socket;
    private final ZmqMessageConverter converter;
    private Duration replyTimeout = Duration.ofSeconds(30);
    private ZmqInboundMapper mapper;

    /** A gateway requesting through the socket {@code spec}, opened now in {@code context}. */
    public ZmqOutboundGateway(ZmqContext context, ZmqSocketSpec spec, ZmqMessageConverter converter) {
        if (spec.type() != SocketType.REQ && spec.type() != SocketType.DEALER && spec.type() != SocketType.CLIENT) {
            throw new IllegalArgumentException("an outbound gateway needs a REQ, DEALER or CLIENT socket; '"
                    + spec.name() + "' is " + spec.type());
        }
        this.socket = SharedSocket.open(spec, context);
        this.converter = converter;
        this.mapper = new ZmqInboundMapper(PayloadMapping.BYTES, Object.class, converter, spec.name());
    }

    /** How long to wait for each reply (30 s). */
    public void setReplyTimeout(Duration replyTimeout) {
        this.replyTimeout = replyTimeout;
    }

    /** What reply payloads become ({@code JSON} reads {@code type}). */
    public void setPayloadMapping(PayloadMapping mapping, Class<?> type) {
        this.mapper = mapper.with(mapping, type);
    }

    @Override
    public String getComponentType() {
        return "zmq:outbound-gateway";
    }

    @Override
    protected Object handleRequestMessage(Message<?> request) {
        ZmqMessage reply = socket.request(converter.toZmqMessage(request.getPayload()), replyTimeout);
        return mapper.toMessage(ReceivedMessage.split(reply, SocketType.REQ));
    }

    @Override
    public void destroy() {
        socket.close();
    }
}
