package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.integration.PayloadMapping;
import dev.zmq.spring.integration.ZmqChannel;
import dev.zmq.spring.integration.dsl.Zmq;
import dev.zmq.spring.support.ZmqHeaders;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Spring Integration flows over ZeroMQ in both directions, request-reply, a ZeroMQ channel, a libzmq bridge. */
@SpringBootTest(classes = ZmqIntegrationFlowTest.Flows.class, properties = {
    "zmq.sockets.orders-out.type=PUSH", "zmq.sockets.orders-out.connect=inproc://orders",
    "zmq.sockets.orders-in.type=PULL", "zmq.sockets.orders-in.bind=inproc://orders",
    "zmq.sockets.news-out.type=PUB", "zmq.sockets.news-out.bind=inproc://news",
    "zmq.sockets.news-in.type=SUB", "zmq.sockets.news-in.connect=inproc://news", "zmq.sockets.news-in.topics=eu",
    "zmq.sockets.upper-server.type=ROUTER", "zmq.sockets.upper-server.bind=inproc://upper",
    "zmq.sockets.upper-client.type=DEALER", "zmq.sockets.upper-client.connect=inproc://upper",
    "zmq.sockets.failing-in.type=PULL", "zmq.sockets.failing-in.bind=inproc://failing",
    "zmq.sockets.failing-out.type=PUSH", "zmq.sockets.failing-out.connect=inproc://failing",
    "zmq.sockets.python-in.type=PULL",
    "zmq.listener.concurrency=4"})
class ZmqIntegrationFlowTest {

    private static final int PYTHON_PORT = freePort();

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("zmq.sockets.python-in.bind", () -> "tcp://127.0.0.1:" + PYTHON_PORT);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Order(String id, int quantity) {
    }

    @Autowired
    @Qualifier("toOrders")
    MessageChannel toOrders;
    @Autowired
    @Qualifier("receivedOrders")
    QueueChannel receivedOrders;
    @Autowired
    @Qualifier("toNews")
    MessageChannel toNews;
    @Autowired
    @Qualifier("receivedNews")
    QueueChannel receivedNews;
    @Autowired
    @Qualifier("toUpper")
    MessageChannel toUpper;
    @Autowired
    @Qualifier("toFailing")
    MessageChannel toFailing;
    @Autowired
    @Qualifier("failures")
    QueueChannel failures;
    @Autowired
    @Qualifier("fromPython")
    QueueChannel fromPython;
    @Autowired
    @Qualifier("p2p")
    ZmqChannel p2p;
    @Autowired
    @Qualifier("broadcast")
    ZmqChannel broadcast;

    @Test
    void anOutboundAdapterFeedsAnInboundAdapterWithJsonPayloads() {
        for (int i = 0; i < 1000; i++) {
            toOrders.send(MessageBuilder.withPayload(new Order("o-" + i, i)).build());
        }
        List<Order> got = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Message<?> m = receivedOrders.receive(20_000);
            assertThat(m).isNotNull();
            got.add((Order) m.getPayload());
            assertThat(m.getHeaders().get(ZmqHeaders.SOCKET)).isEqualTo("orders-in");
        }
        assertThat(got).extracting(Order::quantity).doesNotHaveDuplicates().hasSize(1000);
    }

    @Test
    void publishedTopicsComeFromAnExpressionAndFilterAtTheSubscriber() {
        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            toNews.send(MessageBuilder.withPayload("us news").setHeader("region", "us").build());
            toNews.send(MessageBuilder.withPayload("eu news").setHeader("region", "eu").build());
            return receivedNews.getQueueSize() > 0;
        });
        Message<?> m = receivedNews.receive(0);
        assertThat(m.getPayload()).isEqualTo("eu news");
        assertThat(m.getHeaders().get(ZmqHeaders.TOPIC)).isEqualTo("eu");
    }

    @Test
    void oneHundredConcurrentRequestsEachGetTheirOwnReply() throws Exception {
        MessagingTemplate requests = new MessagingTemplate();
        requests.setReceiveTimeout(30_000);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<String>> replies = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String body = "request-" + i;
                replies.add(CompletableFuture.supplyAsync(() -> (String) requests.sendAndReceive(toUpper,
                        MessageBuilder.withPayload(body).build()).getPayload(), pool));
            }
            for (int i = 0; i < 100; i++) {
                assertThat(replies.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("REQUEST-" + i);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFailingFlowReportsToTheErrorChannel() {
        toFailing.send(MessageBuilder.withPayload("boom").build());
        Message<?> error = failures.receive(20_000);
        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat(((ErrorMessage) error).getPayload()).hasStackTraceContaining("cannot handle boom");
    }

    @Test
    void aLibzmqPeerFeedsASpringChannel() throws Exception {
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", """
                import sys, zmq
                c = zmq.Context(); s = c.socket(zmq.PUSH); s.connect(sys.argv[1])
                for i in range(5): s.send_string("from libzmq %d" % i)
                s.close(linger=10000); c.term()
                """, "tcp://127.0.0.1:" + PYTHON_PORT).redirectErrorStream(true).start();
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        Set<Object> got = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 5; i++) {
            Message<?> m = fromPython.receive(20_000);
            assertThat(m).isNotNull();
            got.add(m.getPayload());
        }
        assertThat(got).containsExactlyInAnyOrder("from libzmq 0", "from libzmq 1", "from libzmq 2",
                "from libzmq 3", "from libzmq 4");
    }

    @Test
    void zeroMqChannelsDeliverPointToPointOrToEverySubscriber() {
        List<String> a = new CopyOnWriteArrayList<>();
        List<String> b = new CopyOnWriteArrayList<>();
        p2p.subscribe(m -> a.add(new String((byte[]) m.getPayload(), StandardCharsets.UTF_8)));
        p2p.subscribe(m -> b.add(new String((byte[]) m.getPayload(), StandardCharsets.UTF_8)));
        for (int i = 0; i < 10; i++) {
            p2p.send(MessageBuilder.withPayload("m" + i).build());
        }
        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> a.size() + b.size() == 10);
        assertThat(a).isNotEmpty().doesNotContainAnyElementsOf(b);
        assertThat(b).isNotEmpty();

        List<Object> c = new CopyOnWriteArrayList<>();
        List<Object> d = new CopyOnWriteArrayList<>();
        broadcast.subscribe(m -> c.add(m.getPayload()));
        broadcast.subscribe(m -> d.add(m.getPayload()));
        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            broadcast.send(MessageBuilder.withPayload("hello").build());
            return !c.isEmpty() && !d.isEmpty();
        });
        assertThat(c).allMatch("hello"::equals);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableIntegration
    static class Flows {

        @Bean
        QueueChannel receivedOrders() {
            return new QueueChannel();
        }

        @Bean
        QueueChannel receivedNews() {
            return new QueueChannel();
        }

        @Bean
        QueueChannel failures() {
            return new QueueChannel();
        }

        @Bean
        QueueChannel fromPython() {
            return new QueueChannel();
        }

        @Bean
        IntegrationFlow ordersOut(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
            return TestFlows.channelToSocket("toOrders", "orders-out", context, sockets, converter);
        }

        @Bean
        IntegrationFlow ordersIn(ZmqListenerContainerFactory factory, ZmqSocketRegistry sockets,
                                 ZmqMessageConverter converter) {
            return IntegrationFlow.from(Zmq.inboundAdapter(factory, sockets.get("orders-in"), converter)
                    .payloadType(Order.class)).channel("receivedOrders").get();
        }

        @Bean
        IntegrationFlow newsOut(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
            return IntegrationFlow.from("toNews")
                    .handle(Zmq.outboundAdapter(context, sockets.get("news-out"), converter)
                            .topicExpression("headers.region")).get();
        }

        @Bean
        IntegrationFlow newsIn(ZmqListenerContainerFactory factory, ZmqSocketRegistry sockets,
                               ZmqMessageConverter converter) {
            return TestFlows.socketToChannel("news-in", "receivedNews", factory, sockets, converter);
        }

        @Bean
        IntegrationFlow upperServer(ZmqListenerContainerFactory factory, ZmqSocketRegistry sockets,
                                    ZmqMessageConverter converter) {
            return IntegrationFlow.from(Zmq.inboundGateway(factory, sockets.get("upper-server"), converter)
                    .payload(PayloadMapping.STRING)).<String, String>transform(String::toUpperCase).get();
        }

        @Bean
        IntegrationFlow upperClient(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
            return IntegrationFlow.from("toUpper")
                    .handle(Zmq.outboundGateway(context, sockets.get("upper-client"), converter)
                            .payload(PayloadMapping.STRING).replyTimeout(java.time.Duration.ofSeconds(20))).get();
        }

        @Bean
        IntegrationFlow failingOut(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
            return TestFlows.channelToSocket("toFailing", "failing-out", context, sockets, converter);
        }

        @Bean
        IntegrationFlow failingIn(ZmqListenerContainerFactory factory, ZmqSocketRegistry sockets,
                                  ZmqMessageConverter converter) {
            return IntegrationFlow.from(Zmq.inboundAdapter(factory, sockets.get("failing-in"), converter)
                            .payload(PayloadMapping.STRING).errorChannel("failures"))
                    .handle(m -> {
                        throw new IllegalStateException("cannot handle " + m.getPayload());
                    }).get();
        }

        @Bean
        IntegrationFlow pythonIn(ZmqListenerContainerFactory factory, ZmqSocketRegistry sockets,
                                 ZmqMessageConverter converter) {
            return TestFlows.socketToChannel("python-in", "fromPython", factory, sockets, converter);
        }

        @Bean
        ZmqChannel p2p(ZmqContext context, ZmqListenerContainerFactory factory, ZmqMessageConverter converter) {
            return Zmq.channel(context, factory, converter, false);
        }

        @Bean
        ZmqChannel broadcast(ZmqContext context, ZmqListenerContainerFactory factory,
                             ZmqMessageConverter converter) {
            ZmqChannel c = Zmq.channel(context, factory, converter, true);
            c.setPayloadMapping(PayloadMapping.STRING, Object.class);
            return c;
        }
    }
}
