package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.support.ZmqHeaders;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The starter as an application uses it: sockets in properties, annotated listeners, the template. */
@SpringBootTest(classes = ZmqStarterEndToEndTest.App.class, properties = {
    "zmq.sockets.prices.type=PUB", "zmq.sockets.prices.bind=inproc://prices",
    "zmq.sockets.work.type=PUSH", "zmq.sockets.work.connect=inproc://work",
    "zmq.sockets.quotes.type=REQ",
    "zmq.sockets.orders.type=DEALER", "zmq.sockets.orders.connect=inproc://orders",
    "zmq.sockets.python-requests.type=REP",
    "zmq.sockets.upper-out.type=PUSH", "zmq.sockets.upper-out.connect=inproc://upper-results",
    "zmq.sockets.batches.type=PUSH", "zmq.sockets.batches.connect=inproc://batches",
    "zmq.listener.dead-letter-socket=dead-letters",
    "zmq.sockets.dead-letters.type=PUSH", "zmq.sockets.dead-letters.connect=inproc://dead-letters",
    "feed.topic=prices."})
class ZmqStarterEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int QUOTE_PORT = freePort();
    private static final int PYTHON_PORT = freePort();

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("zmq.sockets.quotes.connect", () -> "tcp://127.0.0.1:" + QUOTE_PORT);
        registry.add("quote.bind", () -> "tcp://127.0.0.1:" + QUOTE_PORT);
        registry.add("zmq.sockets.python-requests.bind", () -> "tcp://127.0.0.1:" + PYTHON_PORT);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    ZmqTemplate template;
    @Autowired
    Listeners listeners;
    @Autowired
    ZmqListenerEndpointRegistry registry;
    @Autowired
    ZmqContext context;

    @Test
    void subscriberGetsOnlyItsTopicWithTheTopicHeader() {
        await().atMost(WAIT).until(() -> {
            template.send("prices", "news.today", "ignored");
            template.send("prices", "prices.eur", "1.08");
            return !listeners.prices.isEmpty();
        });
        assertThat(listeners.prices).allMatch(p -> p.equals("prices.eur=1.08"));
    }

    @Test
    void pullWithConcurrencyFourGetsEveryMessageOnce() {
        for (int i = 0; i < 10_000; i++) {
            template.send("work", "item-" + i);
        }
        await().atMost(WAIT).until(() -> listeners.work.size() == 10_000);
        assertThat(listeners.work.values()).allMatch(n -> n.get() == 1);
        assertThat(listeners.workThreads).hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void requestReplyWithJsonOverReqRep() {
        Quote q = template.sendAndReceive("quotes", new QuoteRequest("EURUSD"), Quote.class, WAIT);
        assertThat(q).isEqualTo(new Quote("EURUSD", 1.25));
    }

    @Test
    void aRequestFailingValidationGetsAnErrorReplyAndTheSocketKeepsWorking() {
        ZmqMessage reply = template.sendAndReceive("quotes", new QuoteRequest(" "), WAIT);
        // zmq.listener.return-exceptions is off: the caller learns that it failed, not the server's internals
        assertThat(reply).isEqualTo(ZmqMessage.of("ERROR"));
        assertThat(template.sendAndReceive("quotes", new QuoteRequest("GBP"), Quote.class, WAIT).symbol())
                .isEqualTo("GBP");
    }

    @Test
    void dealerRouterRequestReplyKeepsTheEnvelope() {
        OrderAck ack = template.sendAndReceive("orders", new Order("o-1", 3), OrderAck.class, WAIT);
        assertThat(ack).isEqualTo(new OrderAck("o-1", "accepted 3"));
        assertThat(listeners.orderSenders).isNotEmpty().allMatch(id -> id.length > 0);
    }

    @Test
    void aLibzmqRequesterTalksToAListenerConfiguredInProperties() throws Exception {
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", """
                import sys, zmq
                s = zmq.Context().socket(zmq.REQ); s.connect(sys.argv[1]); s.setsockopt(zmq.RCVTIMEO, 15000)
                s.send_string("hello from libzmq"); print(s.recv_string())
                """, "tcp://127.0.0.1:" + PYTHON_PORT).redirectErrorStream(true).start();
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(out).isEqualTo("java got hello from libzmq in 1 frame(s)");
    }

    @Test
    void sendToForwardsTheReturnValueOfAOneWayListener() {
        ZmqSocket results = context.socket(SocketType.PULL);
        results.bind("inproc://upper-results");
        ZmqSocket in = context.socket(SocketType.PUSH);
        in.connect("inproc://upper-in");
        in.send("make me loud");
        assertThat(results.recv(WAIT).first().text()).isEqualTo("MAKE ME LOUD");
        in.close();
        results.close();
    }

    @Test
    void listenersStopAndStartByIdAtRuntime() {
        var container = registry.getListenerContainer("work");
        assertThat(container.isRunning()).isTrue();
        container.stop();
        assertThat(container.isRunning()).isFalse();
        container.start();
        assertThat(container.isRunning()).isTrue();
        template.convertAndSend("work", "after-restart");
        await().atMost(WAIT).until(() -> listeners.work.containsKey("after-restart"));
    }

    @Test
    void aFailedRequestIsParkedOnTheDeadLetterSocketWithItsHeadersAndFrames() {
        ZmqSocket deadLetters = context.socket(SocketType.PULL);
        deadLetters.bind("inproc://dead-letters");
        try {
            assertThat(template.sendAndReceive("quotes", new QuoteRequest(" "), WAIT)).isEqualTo(ZmqMessage.of("ERROR"));
            ZmqMessage letter = deadLetters.recv(WAIT);
            assertThat(letter).isNotNull();
            assertThat(letter.frame(0).text()).contains("\"listenerId\":\"quotes\"").contains("\"attempts\":1")
                    .contains("MethodArgumentNotValidException");
            assertThat(letter.frame(1).text()).isEqualTo("{\"symbol\":\" \"}");
            assertThat(registry.getListenerContainer("quotes").getDeadLettered()).isPositive();
        } finally {
            deadLetters.close();
        }
    }

    @Test
    void aParameterOfAGenericTypeArrivesAsThatType() {
        template.convertAndSend("batches", List.of(new Quote("EUR", 1.5), new Quote("GBP", 2.5)));
        await().atMost(WAIT).until(() -> !listeners.batches.isEmpty());
        assertThat(listeners.batches.get(0)).containsExactly(new Quote("EUR", 1.5), new Quote("GBP", 2.5));
    }

    record QuoteRequest(@NotBlank String symbol) {
    }

    record Quote(String symbol, double price) {
    }

    record Order(String id, int quantity) {
    }

    record OrderAck(String id, String status) {
    }

    /** The application's listeners. */
    static class Listeners {
        final List<String> prices = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> work = new ConcurrentHashMap<>();
        final Set<String> workThreads = ConcurrentHashMap.newKeySet();
        final List<byte[]> orderSenders = new CopyOnWriteArrayList<>();
        final List<List<Quote>> batches = new CopyOnWriteArrayList<>();

        @ZmqListener(id = "batches", type = "PULL", bind = "inproc://batches")
        void batch(List<Quote> quotes) {
            // each element must be a Quote: reading the list as List<Map> would fail here, not in the assertion
            quotes.forEach(Quote::symbol);
            batches.add(quotes);
        }

        @ZmqListener(id = "prices", type = "SUB", connect = "inproc://prices", topics = "${feed.topic}")
        void price(@Header(ZmqHeaders.TOPIC) String topic, String body) {
            prices.add(topic + "=" + body);
        }

        @ZmqListener(id = "work", type = "PULL", bind = "inproc://work", concurrency = "#{2 * 2}")
        void work(String item) {
            workThreads.add(Thread.currentThread().getName());
            work.computeIfAbsent(item, k -> new AtomicInteger()).incrementAndGet();
        }

        @ZmqListener(id = "quotes", type = "REP", bind = "${quote.bind}", concurrency = "2")
        Quote quote(@Payload @Valid QuoteRequest request) {
            return new Quote(request.symbol(), 1.25);
        }

        @ZmqListener(id = "orders", type = "ROUTER", bind = "inproc://orders")
        OrderAck order(Order order, @Header(ZmqHeaders.ROUTING_ID) byte[] sender) {
            orderSenders.add(sender);
            return new OrderAck(order.id(), "accepted " + order.quantity());
        }

        @ZmqListener(id = "upper", type = "PULL", bind = "inproc://upper-in")
        @SendTo("upper-out")
        String upper(String text) {
            return text.toUpperCase(java.util.Locale.ROOT);
        }

        @ZmqListener(id = "python", socket = "python-requests")
        String python(String request, ZmqMessage received) {
            return "java got " + request + " in " + received.size() + " frame(s)";
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Listeners listeners() {
            return new Listeners();
        }
    }
}
