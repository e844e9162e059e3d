package dev.zmq.spring.integration;

import dev.zmq.ErrorCode;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.support.ZmqHeaders;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.support.ZmqSocketSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ZmqOutboundGateway} against a real REP peer over inproc: through a REQ and through a DEALER (whose
 * correlation envelope the REP echoes) each request message produces the peer's reply as the output message, with
 * the socket's header; a missing reply fails the request with EAGAIN after the reply timeout; a socket that cannot
 * request (PUB) is refused.
 */
class ZmqOutboundGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ZmqContext context = new ZmqContext();
    private final ZmqMessageConverter converter = new ZmqMessageConverter(new JsonMapper());
    private final GenericApplicationContext beans = new GenericApplicationContext();
    private final QueueChannel replies = new QueueChannel();
    private ZmqOutboundGateway gateway;
    private ZmqSocket rep;

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.destroy();
        }
        if (rep != null) {
            rep.close();
        }
        beans.close();
        context.close();
    }

    private ZmqOutboundGateway gatewayTo(SocketType type, String endpoint) {
        beans.refresh();
        ZmqOutboundGateway g = new ZmqOutboundGateway(context,
                new ZmqSocketSpec("upper-out", type, List.of(), List.of(endpoint), List.of(), List.of()), converter);
        g.setOutputChannel(replies);
        g.setReplyTimeout(WAIT);
        g.setBeanFactory(beans);
        g.afterPropertiesSet();
        gateway = g;
        return g;
    }

    /** A REP peer that answers {@code count} requests with their last frame in upper case. */
    private CompletableFuture<Void> repPeer(String endpoint, int count) {
        rep = context.socket(SocketType.REP);
        rep.bind(endpoint);
        ZmqSocket peer = rep;
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; i < count; i++) {
                ZmqMessage request = peer.recv(WAIT);
                peer.send(ZmqMessage.of(request.last().text().toUpperCase()));
            }
        });
    }

    @ParameterizedTest
    @EnumSource(value = SocketType.class, names = {"REQ", "DEALER"})
    void aRequestProducesThePeersReply(SocketType type) throws Exception {
        String endpoint = "inproc://outbound-" + type;
        CompletableFuture<Void> peer = repPeer(endpoint, 2);
        ZmqOutboundGateway g = gatewayTo(type, endpoint);

        g.handleMessage(MessageBuilder.withPayload("hello").build());
        g.handleMessage(MessageBuilder.withPayload("world").build());

        Message<?> first = replies.receive(WAIT.toMillis());
        Message<?> second = replies.receive(WAIT.toMillis());
        assertThat(first).isNotNull();
        assertThat(first.getPayload()).isEqualTo("HELLO".getBytes(StandardCharsets.UTF_8));
        assertThat(first.getHeaders()).containsEntry(ZmqHeaders.SOCKET, "upper-out");
        assertThat(second).isNotNull();
        assertThat(second.getPayload()).isEqualTo("WORLD".getBytes(StandardCharsets.UTF_8));
        peer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aStringPayloadMappingGivesTextReplies() throws Exception {
        CompletableFuture<Void> peer = repPeer("inproc://outbound-text", 1);
        ZmqOutboundGateway g = gatewayTo(SocketType.DEALER, "inproc://outbound-text");
        g.setPayloadMapping(PayloadMapping.STRING, Object.class);

        g.handleMessage(MessageBuilder.withPayload("text").build());

        Message<?> reply = replies.receive(WAIT.toMillis());
        assertThat(reply).isNotNull();
        assertThat(reply.getPayload()).isEqualTo("TEXT");
        peer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aRequestWithoutAReplyFailsWithEagainAfterTheReplyTimeout() {
        ZmqOutboundGateway g = gatewayTo(SocketType.DEALER, "inproc://outbound-nobody");
        g.setReplyTimeout(Duration.ofMillis(200));

        assertThatThrownBy(() -> g.handleMessage(MessageBuilder.withPayload("anyone?").build()))
                .isInstanceOf(MessageHandlingException.class).cause().isInstanceOf(ZmqException.class)
                .satisfies(e -> assertThat(((ZmqException) e).code()).isEqualTo(ErrorCode.EAGAIN));
        assertThat(replies.getQueueSize()).isZero();
    }

    @Test
    void aPubSocketIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ZmqOutboundGateway(context, new ZmqSocketSpec("news", SocketType.PUB,
                        List.of("inproc://outbound-pub"), List.of(), List.of(), List.of()), converter))
                .withMessage("an outbound gateway needs a REQ, DEALER or CLIENT socket; 'news' is PUB");
        assertThat(context.sockets()).as("no socket was opened").isEmpty();
    }
}
