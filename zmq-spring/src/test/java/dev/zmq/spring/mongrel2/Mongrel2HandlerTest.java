package dev.zmq.spring.mongrel2;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.annotation.EnableZmq;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.support.ZmqSocketSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.SendTo;
import tools.jackson.databind.json.JsonMapper;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@code @ZmqListener} Mongrel2 handler behind a real Mongrel2 1.12 (see {@link Mongrel2Server}): browser → Mongrel2
 * → PUSH → the listener's PULL → {@code @SendTo} PUB → Mongrel2's SUB → browser. Pins GET and POST round trips
 * (headers, query, binary-safe bodies), a body above {@code limits.content_length} arriving as the two upload notices
 * with the body in a file, the disconnect notice when a client goes away, one reply to several waiting connections
 * through {@link Mongrel2Replies}, tnetstring headers from a handler configured with {@code protocol='tnetstring'},
 * and malformed requests from a raw PUSH peer: counted, dropped, and the handler keeps serving.
 */
@Timeout(60)
class Mongrel2HandlerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int CONTENT_LIMIT = 64 * 1024;

    @TempDir
    static Path chroot;

    private static Mongrel2Server server;
    private static AnnotationConfigApplicationContext ctx;
    private static ZmqSocket rawPush;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(WAIT).build();

    @BeforeAll
    static void start() throws Exception {
        int send = Mongrel2Server.freePort();
        int recv = Mongrel2Server.freePort();
        int tnetSend = Mongrel2Server.freePort();
        int tnetRecv = Mongrel2Server.freePort();
        int raw = Mongrel2Server.freePort();
        server = Mongrel2Server.start(chroot, Mongrel2Server.freePort(), CONTENT_LIMIT,
                List.of(new Mongrel2Server.Route("/tnet/", tnetSend, tnetRecv, "tnetstring"),
                        new Mongrel2Server.Route("/", send, recv, "json")));
        ctx = new AnnotationConfigApplicationContext();
        ctx.registerBean("zmqSocketRegistry", ZmqSocketRegistry.class, () -> new ZmqSocketRegistry(List.of(
                spec("m2-requests", SocketType.PULL, "tcp://127.0.0.1:" + send, "tcp://127.0.0.1:" + raw),
                spec("m2-replies", SocketType.PUB, "tcp://127.0.0.1:" + recv),
                spec("m2-tnet-requests", SocketType.PULL, "tcp://127.0.0.1:" + tnetSend),
                spec("m2-tnet-replies", SocketType.PUB, "tcp://127.0.0.1:" + tnetRecv))));
        ctx.register(Infrastructure.class, Handler.class);
        ctx.refresh();
        rawPush = ctx.getBean(ZmqContext.class).socket(SocketType.PUSH);
        rawPush.bind("tcp://127.0.0.1:" + raw);
        ZmqTemplate template = ctx.getBean(ZmqTemplate.class);
        template.open("m2-replies");
        template.open("m2-tnet-replies");
    }

    @AfterAll
    static void stop() {
        if (rawPush != null) {
            rawPush.close();
        }
        if (ctx != null) {
            ctx.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static ZmqSocketSpec spec(String name, SocketType type, String... connect) {
        return new ZmqSocketSpec(name, type, List.of(), List.of(connect), List.of(), List.of());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.httpPort() + path);
    }

    private static Handler handler() {
        return ctx.getBean(Handler.class);
    }

    @Test
    void getCarriesMethodPathQueryAndHeadersBothWays() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/echo/x?q=1&r=2")).header("X-Test", "a b")
                .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Method")).contains("GET");
        assertThat(r.headers().firstValue("X-Query")).contains("q=1&r=2");
        assertThat(r.body()).isEqualTo("GET /echo/x a b");
    }

    @Test
    void postBodyRoundTripsByteForByte() throws Exception {
        byte[] body = new byte[10_000];
        new Random(7).nextBytes(body);
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(uri("/echo/post")).timeout(WAIT)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Method")).contains("POST");
        assertThat(r.body()).containsExactly(body);
    }

    @Test
    void aBodyAboveTheLimitComesAsUploadNoticesWithTheBodyInAFile() throws Exception {
        byte[] body = new byte[3 * CONTENT_LIMIT + 17];
        new Random(11).nextBytes(body);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/upload")).timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(body.length + " " + sha256(body));
        assertThat(handler().uploadsStarted).hasSize(1);
    }

    @Test
    void aClientThatGoesAwayIsAnnouncedWithTheDisconnectNotice() throws Exception {
        String connection;
        try (Socket client = new Socket("127.0.0.1", server.httpPort())) {
            client.getOutputStream().write("GET /hang HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            await().atMost(WAIT).until(() -> !handler().hanging.isEmpty());
            connection = handler().hanging.get(0);
        }
        await().atMost(WAIT).until(() -> handler().disconnected.contains(connection));
    }

    @Test
    void oneReplyReachesSeveralConnections() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> waiting = IntStream.range(0, 3)
                .mapToObj(i -> HTTP.sendAsync(HttpRequest.newBuilder(uri("/wait")).timeout(WAIT).GET().build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        await().atMost(WAIT).until(() -> handler().waiting.size() == 3);
        new Mongrel2Replies(ctx.getBean(ZmqTemplate.class), "m2-replies").reply(Mongrel2Server.UUID,
                List.copyOf(handler().waiting), Mongrel2Response.ok("to all of you"));
        for (CompletableFuture<HttpResponse<String>> f : waiting) {
            HttpResponse<String> r = f.get();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("to all of you");
        }
    }

    @Test
    void aHandlerWithTnetstringHeadersIsServedToo() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/tnet/x?y=z")).header("X-Test", "t n")
                .timeout(WAIT).POST(HttpRequest.BodyPublishers.ofString("tn body")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("tnetstring POST /tnet/x y=z t n: tn body");
    }

    @Test
    void malformedRequestsAreCountedAndDroppedAndTheHandlerKeepsServing() throws Exception {
        Mongrel2RequestArgumentResolver resolver = ctx.getBean(Mongrel2RequestArgumentResolver.class);
        long before = resolver.malformedRequests();
        List<String> bad = List.of("garbage", Mongrel2Server.UUID + " 1 / 99:{},0:,",
                Mongrel2Server.UUID + " 2 / 5:{\"a\":,0:,", Mongrel2Server.UUID + " 3 / 2:{},0:,trailing");
        bad.forEach(rawPush::send);
        await().atMost(WAIT).until(() -> resolver.malformedRequests() - before == bad.size());
        assertThat(handler().seen).noneMatch(r -> List.of("1", "2", "3").contains(r.connectionId())
                && r.path().equals("/"));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/echo/after")).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("GET /echo/after");
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** The Mongrel2 handlers under test. */
    static class Handler {
        final List<Mongrel2Request> seen = new CopyOnWriteArrayList<>();
        final List<String> uploadsStarted = new CopyOnWriteArrayList<>();
        final List<String> hanging = new CopyOnWriteArrayList<>();
        final List<String> waiting = new CopyOnWriteArrayList<>();
        final java.util.Set<String> disconnected = ConcurrentHashMap.newKeySet();

        @ZmqListener(socket = "m2-requests")
        @SendTo("m2-replies")
        Mongrel2Reply handle(Mongrel2Request request) throws Exception {
            seen.add(request);
            if (request.isDisconnect()) {
                disconnected.add(request.connectionId());
                return null;
            }
            if (request.isUploadStarted()) {
                uploadsStarted.add(request.connectionId());
                return null;
            }
            if (request.isUploadDone()) {
                Path file = request.uploadFile(server.chroot());
                byte[] body = Files.readAllBytes(file);
                Files.delete(file);
                return request.reply(Mongrel2Response.ok(body.length + " " + sha256(body)));
            }
            if (request.path().equals("/hang")) {
                hanging.add(request.connectionId());
                return null;
            }
            if (request.path().equals("/wait")) {
                waiting.add(request.connectionId());
                return null;
            }
            byte[] echo = request.body().length > 0 ? request.body()
                    : (request.method() + " " + request.path() + " " + request.header("x-test"))
                            .getBytes(StandardCharsets.UTF_8);
            Mongrel2Response response = Mongrel2Response.status(200).header("X-Method", request.method())
                    .body(echo);
            String query = request.query();
            return request.reply(query == null ? response : response.header("X-Query", query));
        }

        @ZmqListener(socket = "m2-tnet-requests")
        @SendTo("m2-tnet-replies")
        Mongrel2Reply tnetstring(Mongrel2Request request) {
            if (request.isDisconnect()) {
                return null;
            }
            return request.reply(Mongrel2Response.ok("tnetstring " + request.method() + " " + request.path() + " "
                    + request.query() + " " + request.header("X-TEST") + ": " + request.bodyText()));
        }
    }

    /** The ZeroMQ infrastructure {@code @EnableZmq} needs, and {@code @EnableMongrel2}. */
    @Configuration(proxyBeanMethods = false)
    @EnableZmq
    @EnableMongrel2
    static class Infrastructure {

        @Bean(destroyMethod = "close")
        ZmqContext zmqContext() {
            return new ZmqContext();
        }

        @Bean
        ZmqMessageConverter zmqMessageConverter() {
            return new ZmqMessageConverter(new JsonMapper());
        }

        @Bean
        ZmqTemplate zmqTemplate(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
            return new ZmqTemplate(context, sockets, converter);
        }

        @Bean
        ZmqListenerContainerFactory zmqListenerContainerFactory(ZmqContext context, ZmqSocketRegistry sockets,
                                                                ZmqMessageConverter converter, ZmqTemplate template) {
            ZmqListenerContainerFactory factory = new ZmqListenerContainerFactory(context, sockets, converter);
            factory.setTemplate(template);
            factory.getContainerProperties().setShutdownTimeout(WAIT);
            return factory;
        }
    }
}
