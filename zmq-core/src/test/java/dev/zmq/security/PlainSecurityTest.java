package dev.zmq.security;

import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZapHandler;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.monitor.HandshakeFailure;
import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** PLAIN with ZAP between our own sockets: who gets in, who never sees a message, how refusals back off. */
class PlainSecurityTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final ZmqContext ctx = new ZmqContext();

    @AfterEach
    void close() {
        ctx.close();
    }

    private ZmqSocket server(SocketType type) {
        ZmqSocket s = ctx.socket(type).set(SocketOption.PLAIN_SERVER, true).set(SocketOption.ZAP_DOMAIN, "test");
        s.bind("tcp://127.0.0.1:*");
        return s;
    }

    private ZmqSocket client(SocketType type, String user, String password, String endpoint) {
        ZmqSocket s = ctx.socket(type).set(SocketOption.PLAIN_USERNAME, user)
                .set(SocketOption.PLAIN_PASSWORD, password).set(SocketOption.RECONNECT_IVL, Duration.ofMillis(10))
                .set(SocketOption.LINGER, Duration.ZERO);
        s.connect(endpoint);
        return s;
    }

    private static List<SocketEvent> record(ZmqSocket s) {
        List<SocketEvent> events = new CopyOnWriteArrayList<>();
        s.addMonitor(events::add);
        return events;
    }

    @Test
    void anAuthenticatedClientTalksAndItsUserIdIsKnown() {
        try (ZapHandler zap = ZapHandler.start(ctx, ZapAuthenticator.plainPasswords(Map.of("alice", "s3cret")))) {
            ZmqSocket rep = server(SocketType.REP);
            ZmqSocket req = client(SocketType.REQ, "alice", "s3cret", rep.lastEndpoint());
            req.send("hello");
            ZmqMessage hello = rep.recv(WAIT);
            assertThat(hello.first().text()).isEqualTo("hello");
            assertThat(hello.property("User-Id")).isEqualTo("alice");
            assertThat(hello.property("Socket-Type")).isEqualTo("REQ");
            assertThat(hello.property("Peer-Address")).isEqualTo("127.0.0.1");
            rep.send("welcome");
            assertThat(req.recv(WAIT).first().text()).isEqualTo("welcome");
            assertThat(rep.statistics().peers()).singleElement().satisfies(p -> {
                assertThat(p.mechanism()).isEqualTo("PLAIN");
                assertThat(p.userId()).isEqualTo("alice");
            });
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithAReasonAndRetriesBackOff() {
        try (ZapHandler zap = ZapHandler.start(ctx, ZapAuthenticator.plainPasswords(Map.of("alice", "s3cret")))) {
            ZmqSocket pull = server(SocketType.PULL);
            List<SocketEvent> serverEvents = record(pull);
            ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.PLAIN_USERNAME, "alice")
                    .set(SocketOption.PLAIN_PASSWORD, "guess").set(SocketOption.RECONNECT_IVL, Duration.ofMillis(10));
            List<SocketEvent> clientEvents = record(push);
            push.connect(pull.lastEndpoint());
            await().atMost(WAIT).until(() -> clientEvents.stream()
                    .filter(e -> e.type() == SocketEventType.CONNECT_RETRIED).count() >= 4);
            assertThat(clientEvents).filteredOn(e -> e.type() == SocketEventType.HANDSHAKE_FAILED).first()
                    .satisfies(e -> assertThat(e.detail()).isEqualTo(Mechanism.REFUSED
                            + "authentication failed: 400 invalid user name or password"));
            List<Long> delays = clientEvents.stream().filter(e -> e.type() == SocketEventType.CONNECT_RETRIED)
                    .map(e -> {
                        Matcher m = Pattern.compile("retry in (\\d+) ms").matcher(e.detail());
                        assertThat(m.find()).isTrue();
                        return Long.parseLong(m.group(1));
                    }).toList();
            assertThat(delays.subList(0, 4)).containsExactly(10L, 20L, 40L, 80L);
            assertThat(serverEvents).anyMatch(e -> e.type() == SocketEventType.HANDSHAKE_FAILED
                    && e.detail().contains("authentication failed"));
            assertThat(pull.statistics().events().handshakeFailures(HandshakeFailure.MECHANISM)).isPositive();
            assertThat(pull.statistics().peers()).isEmpty();
        }
    }

    @Test
    void anUnauthorisedSubscriberNeverSeesAPublishedMessage() {
        try (ZapHandler zap = ZapHandler.start(ctx, ZapAuthenticator.plainPasswords(Map.of("alice", "s3cret")))) {
            ZmqSocket pub = server(SocketType.PUB);
            ZmqSocket good = client(SocketType.SUB, "alice", "s3cret", pub.lastEndpoint());
            ZmqSocket bad = client(SocketType.SUB, "mallory", "s3cret", pub.lastEndpoint());
            good.subscribe("");
            bad.subscribe("");
            await().atMost(WAIT).until(() -> {
                pub.send("tick");
                return good.recv(Duration.ofMillis(10)) != null;
            });
            for (int i = 0; i < 100; i++) {
                pub.send("secret " + i);
            }
            assertThat(good.recv(WAIT)).isNotNull();
            assertThat(bad.recv(Duration.ofMillis(200))).isNull();
            assertThat(pub.statistics().peers()).singleElement()
                    .satisfies(p -> assertThat(p.userId()).isEqualTo("alice"));
        }
    }

    @Test
    void anUnauthorisedDealerNeverReachesTheRouterNorCanBeRoutedTo() {
        try (ZapHandler zap = ZapHandler.start(ctx, ZapAuthenticator.plainPasswords(Map.of("alice", "s3cret")))) {
            ZmqSocket router = server(SocketType.ROUTER).set(SocketOption.ROUTER_MANDATORY, true);
            ZmqSocket bad = ctx.socket(SocketType.DEALER).set(SocketOption.PLAIN_USERNAME, "mallory")
                    .set(SocketOption.PLAIN_PASSWORD, "x").set(SocketOption.ROUTING_ID, "mallory".getBytes())
                    .set(SocketOption.LINGER, Duration.ZERO);
            bad.connect(router.lastEndpoint());
            bad.send("let me in");
            ZmqSocket good = client(SocketType.DEALER, "alice", "s3cret", router.lastEndpoint());
            good.send("from alice");
            ZmqMessage m = router.recv(WAIT);
            assertThat(m.last().text()).isEqualTo("from alice");
            assertThat(router.recv(Duration.ofMillis(200))).isNull();
            assertThat(router.statistics().peers()).singleElement()
                    .satisfies(p -> assertThat(p.userId()).isEqualTo("alice"));
            assertThatThrownBy(() -> router.send(ZmqMessage.of("mallory", "psst"), ZmqSocket.DONTWAIT))
                    .hasMessageContaining("no peer with routing id");
        }
    }

    @Test
    void withoutAZapHandlerEveryPlainClientIsAcceptedAsInLibzmq() {
        ZmqSocket pull = server(SocketType.PULL);
        ZmqSocket push = client(SocketType.PUSH, "anyone", "anything", pull.lastEndpoint());
        push.send("in");
        assertThat(pull.recv(WAIT).first().text()).isEqualTo("in");
    }

    @Test
    void aPasswordFileAndAddressRulesCombine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("passwords");
        Files.writeString(file, "# users\nalice=s3cret\nbob=hunter2\n");
        ZapAuthenticator rules = ZapAuthenticator.denyAddresses(Set.of("10.0.0.66"))
                .and(ZapAuthenticator.plainPasswordFile(file));
        ZapRequest fromBob = new ZapRequest("1", "d", "127.0.0.1", new byte[0], "PLAIN",
                List.of("bob".getBytes(), "hunter2".getBytes()));
        ZapRequest fromBadHost = new ZapRequest("2", "d", "10.0.0.66", new byte[0], "PLAIN",
                List.of("bob".getBytes(), "hunter2".getBytes()));
        assertThat(rules.authenticate(fromBob)).isEqualTo(new ZapReply("1", "200", "OK", "bob"));
        assertThat(rules.authenticate(fromBadHost).statusCode()).isEqualTo("400");
        assertThat(ZapAuthenticator.allowAddresses(Set.of("127.0.0.1")).authenticate(fromBob).allowed()).isTrue();
    }

    @Test
    void aPlainClientAgainstANullServerFailsWithAMechanismMismatch() {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind("tcp://127.0.0.1:*");
        ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.PLAIN_USERNAME, "u");
        List<SocketEvent> events = record(push);
        push.connect(pull.lastEndpoint());
        await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.type() == SocketEventType.HANDSHAKE_FAILED
                && e.detail().contains("security mechanism mismatch: we use PLAIN, the peer uses NULL")));
    }
}
