package dev.zmq;

import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What our socket puts on the wire and how it reacts to a peer's bytes, checked with a hand-driven peer whose bytes
 * are written from RFC 23/37 in {@link RawBytes} and whose reading follows the RFCs' grammar, so the wire format is
 * never checked against the library's own codec.
 */
class WireBehaviourTest extends ContextFixture {

    private ZmqSocket bound(SocketType type, List<SocketEvent> events) {
        ZmqSocket s = ctx.socket(type);
        s.addMonitor(events::add);
        s.bind("tcp://127.0.0.1:*");
        return s;
    }

    private static SocketEvent awaitEvent(List<SocketEvent> events, SocketEventType type) {
        await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.type() == type));
        return events.stream().filter(e -> e.type() == type).findFirst().orElseThrow();
    }

    @Test
    void greetsWithZmtp31NullAndAnnouncesSocketType() throws Exception {
        ZmqSocket pull = bound(SocketType.PULL, new CopyOnWriteArrayList<>());
        try (RawZmtpPeer peer = new RawZmtpPeer(pull.lastEndpoint())) {
            peer.write(RawBytes.greeting("NULL", false));
            assertThat(peer.readGreeting()).as("ZMTP 3.1, NULL, not as-server, zero padding and filler")
                    .isEqualTo(RawBytes.greeting("NULL", false));
            peer.write(RawBytes.ready("PUSH"));
            RawZmtpPeer.RawFrame ready = peer.readFrame();
            assertThat(ready.flags()).as("a short command frame").isEqualTo(0x04);
            assertThat(ready.commandName()).isEqualTo("READY");
            assertThat(ready.property("Socket-Type")).isEqualTo("PULL");
            peer.write(RawBytes.frame(0x01, "a".getBytes(StandardCharsets.US_ASCII)));
            peer.write(RawBytes.frame(0x00, new byte[300]));
            assertThat(pull.recv(WAIT)).isEqualTo(ZmqMessage.of("a".getBytes(), new byte[300]));
        }
    }

    @Test
    void incompatibleSocketTypeGetsAnErrorCommandAndIsClosed() throws Exception {
        List<SocketEvent> events = new CopyOnWriteArrayList<>();
        ZmqSocket pull = bound(SocketType.PULL, events);
        try (RawZmtpPeer peer = new RawZmtpPeer(pull.lastEndpoint())) {
            peer.write(RawBytes.greeting("NULL", false));
            peer.readGreeting();
            peer.write(RawBytes.ready("PUB"));
            assertThat(peer.readFrame().commandName()).isEqualTo("READY");
            RawZmtpPeer.RawFrame error = peer.readFrame();
            assertThat(error.commandName()).isEqualTo("ERROR");
            byte[] reason = error.commandData();
            assertThat(reason[0] & 0xFF).as("error-reason = OCTET 0*255VCHAR").isEqualTo(reason.length - 1);
            assertThat(new String(reason, 1, reason.length - 1, StandardCharsets.US_ASCII))
                    .isEqualTo("incompatible socket type: PULL cannot talk to PUB");
            assertThat(peer.awaitClosed()).isTrue();
        }
        assertThat(awaitEvent(events, SocketEventType.HANDSHAKE_FAILED).detail())
                .isEqualTo("incompatible socket type: PULL cannot talk to PUB");
    }

    @Test
    void wrongSignatureWrongMechanismAndHugeFramesCloseTheConnectionWithAReason() throws Exception {
        List<SocketEvent> events = new CopyOnWriteArrayList<>();
        ZmqSocket pull = bound(SocketType.PULL, events);
        try (RawZmtpPeer peer = new RawZmtpPeer(pull.lastEndpoint())) {
            peer.write(new byte[64]);
            assertThat(peer.awaitClosed()).isTrue();
        }
        try (RawZmtpPeer peer = new RawZmtpPeer(pull.lastEndpoint())) {
            peer.write(RawBytes.greeting("PLAIN", false));
            assertThat(peer.awaitClosed()).isTrue();
        }
        try (RawZmtpPeer peer = new RawZmtpPeer(pull.lastEndpoint())) {
            peer.handshake("PUSH");
            peer.write(RawBytes.longHeader(0x00, Long.MIN_VALUE));
            assertThat(peer.awaitClosed()).isTrue();
        }
        await().atMost(WAIT).until(() -> events.stream()
                .filter(e -> e.type() == SocketEventType.HANDSHAKE_FAILED || e.type() == SocketEventType.DISCONNECTED)
                .count() == 3);
        assertThat(events).filteredOn(e -> e.type() == SocketEventType.HANDSHAKE_FAILED).extracting(SocketEvent::detail)
                .containsExactly("not a ZMTP peer: greeting signature is wrong",
                        "security mechanism mismatch: we use NULL, the peer uses PLAIN");
        assertThat(awaitEvent(events, SocketEventType.DISCONNECTED).detail())
                .isEqualTo("frame size 9223372036854775808 is out of range");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.lastEndpoint());
        push.send("the socket still works");
        assertThat(pull.recv(WAIT)).isEqualTo(ZmqMessage.of("the socket still works"));
    }

    @Test
    void answersPingWithPongEchoingTheContext() throws Exception {
        ZmqSocket pull = bound(SocketType.PULL, new CopyOnWriteArrayList<>());
        try (RawZmtpPeer peer = new RawZmtpPeer(pull.lastEndpoint())) {
            peer.handshake("PUSH");
            peer.write(RawBytes.ping(0, "ctx-42".getBytes(StandardCharsets.US_ASCII)));
            RawZmtpPeer.RawFrame pong = peer.readFrame();
            assertThat(pong.commandName()).isEqualTo("PONG");
            assertThat(new String(pong.commandData(), StandardCharsets.US_ASCII)).isEqualTo("ctx-42");
        }
    }

    @Test
    void sendsPingsAndDropsASilentPeerAfterTheHeartbeatTimeout() throws Exception {
        List<SocketEvent> events = new CopyOnWriteArrayList<>();
        ZmqSocket pull = ctx.socket(SocketType.PULL)
                .set(SocketOption.HEARTBEAT_IVL, Duration.ofMillis(50))
                .set(SocketOption.HEARTBEAT_TTL, Duration.ofSeconds(3))
                .set(SocketOption.HEARTBEAT_TIMEOUT, Duration.ofMillis(200));
        pull.addMonitor(events::add);
        pull.bind("tcp://127.0.0.1:*");
        try (RawZmtpPeer peer = new RawZmtpPeer(pull.lastEndpoint())) {
            peer.handshake("PUSH");
            RawZmtpPeer.RawFrame ping = peer.readFrame();
            assertThat(ping.commandName()).isEqualTo("PING");
            assertThat(ping.commandData()).as("TTL 3 s = 30 tenths, big-endian, no context").containsExactly(0, 30);
            assertThat(peer.awaitClosed()).isTrue();
        }
        assertThat(awaitEvent(events, SocketEventType.DISCONNECTED).detail())
                .isEqualTo("heartbeat timeout: no traffic for 200 ms after a PING");
    }

    @Test
    void dropsAPeerWhosePingTtlExpires() throws Exception {
        List<SocketEvent> events = new CopyOnWriteArrayList<>();
        ZmqSocket pull = bound(SocketType.PULL, events);
        try (RawZmtpPeer peer = new RawZmtpPeer(pull.lastEndpoint())) {
            peer.handshake("PUSH");
            peer.write(RawBytes.ping(1, new byte[0]));
            assertThat(peer.readFrame().commandName()).isEqualTo("PONG");
            assertThat(peer.awaitClosed()).isTrue();
        }
        assertThat(awaitEvent(events, SocketEventType.DISCONNECTED).detail())
                .isEqualTo("no traffic within the peer's heartbeat TTL of 100 ms");
    }

    @Test
    void abandonsAHandshakeThatNeverCompletes() throws Exception {
        List<SocketEvent> events = new CopyOnWriteArrayList<>();
        ZmqSocket pull = ctx.socket(SocketType.PULL).set(SocketOption.HANDSHAKE_IVL, Duration.ofMillis(100));
        pull.addMonitor(events::add);
        pull.bind("tcp://127.0.0.1:*");
        try (RawZmtpPeer peer = new RawZmtpPeer(pull.lastEndpoint())) {
            peer.write(RawBytes.greeting("NULL", false));
            assertThat(peer.awaitClosed()).isTrue();
        }
        assertThat(awaitEvent(events, SocketEventType.HANDSHAKE_FAILED).detail())
                .isEqualTo("handshake did not complete within HANDSHAKE_IVL 100 ms");
    }

    @Test
    void sendsSubscriptionsAsCommandsToZmtp31AndAsMessagesToZmtp30Peers() throws Exception {
        ZmqSocket sub = bound(SocketType.SUB, new CopyOnWriteArrayList<>());
        sub.subscribe("topic");
        try (RawZmtpPeer v31 = new RawZmtpPeer(sub.lastEndpoint())) {
            v31.handshake("PUB");
            RawZmtpPeer.RawFrame subscribe = v31.readFrame();
            assertThat(subscribe.commandName()).isEqualTo("SUBSCRIBE");
            assertThat(new String(subscribe.commandData(), StandardCharsets.US_ASCII)).isEqualTo("topic");
        }
        try (RawZmtpPeer v30 = new RawZmtpPeer(sub.lastEndpoint())) {
            v30.write(RawBytes.greeting(0, "NULL", false));
            v30.readGreeting();
            v30.write(RawBytes.ready("PUB"));
            v30.readFrame();
            RawZmtpPeer.RawFrame subscription = v30.readFrame();
            assertThat(subscription.isCommand()).isFalse();
            assertThat(new String(subscription.body(), StandardCharsets.US_ASCII)).isEqualTo("\u0001topic");
        }
    }
}
