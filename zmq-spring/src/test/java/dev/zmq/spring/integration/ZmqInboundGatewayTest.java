package dev.zmq.spring.integration;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.support.ZmqHeaders;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.support.ZmqSocketSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.handler.AbstractReplyProducingMessageHandler;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ZmqInboundGateway} with a minimal Spring Integration flow (a {@link DirectChannel} whose subscribed handler
 * replies): a REQ peer of a REP or a ROUTER gateway gets the flow's reply (the ROUTER keeping the sender's envelope),
 * the flow sees the request with the socket's headers, and a socket that cannot answer (PULL) is refused naming the
 * types a gateway needs.
 */
class ZmqInboundGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ZmqContext context = new ZmqContext();
    private final ZmqMessageConverter converter = new ZmqMessageConverter(new JsonMapper());
    private final ZmqListenerContainerFactory factory = new ZmqListenerContainerFactory(context,
            new ZmqSocketRegistry(List.of()), converter);
    private final GenericApplicationContext beans = new GenericApplicationContext();
    private final List<Message<?>> requests = new CopyOnWriteArrayList<>();
    private ZmqInboundGateway gateway;

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.stop();
        }
        beans.close();
        context.close();
    }

    /** A started gateway on {@code spec} whose flow answers each request in upper case. */
    private ZmqInboundGateway gatewayOn(ZmqSocketSpec spec) {
        factory.getContainerProperties().setShutdownTimeout(WAIT);
        beans.refresh();
        AbstractReplyProducingMessageHandler upperCase = new AbstractReplyProducingMessageHandler() {
            @Override
            protected Object handleRequestMessage(Message<?> request) {
                requests.add(request);
                return new String((byte[]) request.getPayload(), StandardCharsets.UTF_8).toUpperCase();
            }
        };
        upperCase.setBeanFactory(beans);
        upperCase.afterPropertiesSet();
        DirectChannel requestChannel = new DirectChannel();
        requestChannel.setBeanFactory(beans);
        requestChannel.afterPropertiesSet();
        requestChannel.subscribe(upperCase);

        ZmqInboundGateway g = new ZmqInboundGateway(factory, spec, converter);
        g.setRequestChannel(requestChannel);
        g.setBeanFactory(beans);
        g.setComponentName("upper");
        g.afterPropertiesSet();
        g.start();
        gateway = g;
        return g;
    }

    private static ZmqSocketSpec spec(SocketType type, String endpoint) {
        return new ZmqSocketSpec("upper-in", type, List.of(endpoint), List.of(), List.of(), List.of());
    }

    private ZmqMessage ask(String endpoint, String body) {
        ZmqSocket req = context.socket(SocketType.REQ);
        try {
            req.connect(endpoint);
            req.send(body);
            ZmqMessage reply = req.recv(WAIT);
            assertThat(reply).as("a reply within " + WAIT).isNotNull();
            return reply;
        } finally {
            req.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SocketType.class, names = {"REP", "ROUTER"})
    void aReqPeerGetsTheFlowsReply(SocketType type) {
        String endpoint = "inproc://gateway-" + type;
        ZmqInboundGateway g = gatewayOn(spec(type, endpoint));

        assertThat(g.isRunning()).isTrue();
        assertThat(ask(endpoint, "hello")).isEqualTo(ZmqMessage.of("HELLO"));
        assertThat(ask(endpoint, "again")).as("each request its own reply").isEqualTo(ZmqMessage.of("AGAIN"));
        assertThat(requests).hasSize(2).first().satisfies(request -> {
            assertThat(request.getPayload()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
            assertThat(request.getHeaders()).containsEntry(ZmqHeaders.SOCKET, "upper-in");
        });
    }

    @Test
    void aRouterGatewayHandsTheFlowTheSendersRoutingId() {
        gatewayOn(spec(SocketType.ROUTER, "inproc://gateway-routing-id"));

        assertThat(ask("inproc://gateway-routing-id", "who")).isEqualTo(ZmqMessage.of("WHO"));
        assertThat(requests).singleElement()
                .satisfies(r -> assertThat(r.getHeaders().get(ZmqHeaders.ROUTING_ID)).isInstanceOf(byte[].class));
    }

    @Test
    void aStoppedGatewayNoLongerListens() {
        ZmqInboundGateway g = gatewayOn(spec(SocketType.REP, "inproc://gateway-stopped"));

        g.stop();

        assertThat(g.isRunning()).isFalse();
        assertThat(context.sockets()).extracting(ZmqSocket::name).doesNotContain("upper-in");
    }

    @Test
    void aPullSocketIsRefusedNamingTheTypesAGatewayNeeds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ZmqInboundGateway(factory, spec(SocketType.PULL, "inproc://pull"), converter))
                .withMessageContaining("an inbound gateway needs a socket of type [REP, ROUTER, SERVER, PEER]")
                .withMessageContaining("'upper-in' is PULL");
    }
}
