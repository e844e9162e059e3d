package dev.zmq;

import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import dev.zmq.wire.Command;
import dev.zmq.wire.FrameFlags;
import dev.zmq.wire.Greeting;
import dev.zmq.wire.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What our socket puts on the wire and how it reacts to a peer's bytes, checked with a hand-driven peer. */
class WireBehaviourTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ZmqContext ctx = new ZmqContext();

    @AfterEach
    void close() {
        ctx.close();
    }

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
            peer.sendGreeting();
            assertThat(peer.readGreeting()).isEqualTo(new Greeting(3, 1, "NULL", false));
            peer.sendReady("PUSH");
            Command ready = peer.readFrame().command();
            assertThat(ready.name()).isEqualTo(Command.READY);
            assertThat(Metadata.decode(ready.data(), 0).getText("Socket-Type")).isEqualTo("PULL");
            peer.sendFrame(FrameFlags.MORE, "a".getBytes());
            peer.sendFrame(0, new byte[300]);
            assertThat(pull.recv(WAIT)).isEqualTo(ZmqMessage.of("a".getBytes(), new byte[300]));
        }
    }

    @Test
    void incompatibleSocketTypeGetsAnErrorCommandAndIsClosed() throws Exception {
        List<SocketEvent> events = new CopyOnWriteArrayList<>();
        ZmqSocket pull = bound(SocketType.PULL, events);
        try (RawZmtpPeer peer = new RawZmtpPeer(pull.lastEndpoint())) {
            peer.sendGreeting();
            peer.readGreeting();
            peer.sendReady("PUB");
            assertThat(peer.readFrame().command().name()).isEqualTo(Command.READY);
            Command error = peer.readFrame().command();
            assertThat(error.name()).isEqualTo(Command.ERROR);
            assertThat(error.errorReason()).isEqualTo("incompatible socket type: PULL cannot talk to PUB");
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
            ByteBuffer g = ByteBuffer.allocate(64);
            Greeting.ours("PLAIN", false).encode(g);
            peer.write(g.array());
            assertThat(peer.awaitClosed()).isTrue();
        }
        try (RawZmtpPeer peer = new RawZmtpPeer(pull.lastEndpoint())) {
            peer.handshake("PUSH");
            peer.write(new byte[] {FrameFlags.LONG, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0});
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
            peer.sendCommand(Command.ping(0, "ctx-42".getBytes()));
            Command pong = peer.readFrame().command();
            assertThat(pong.name()).isEqualTo(Command.PONG);
            assertThat(new String(pong.data())).isEqualTo("ctx-42");
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
            Command ping = peer.readFrame().command();
            assertThat(ping.name()).isEqualTo(Command.PING);
            assertThat(ping.pingTtlMillis()).isEqualTo(3000);
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
            peer.sendCommand(Command.ping(100, new byte[0]));
            assertThat(peer.readFrame().command().name()).isEqualTo(Command.PONG);
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
            peer.sendGreeting();
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
            Command subscribe = v31.readFrame().command();
            assertThat(subscribe.name()).isEqualTo(Command.SUBSCRIBE);
            assertThat(new String(subscribe.data())).isEqualTo("topic");
        }
        try (RawZmtpPeer v30 = new RawZmtpPeer(sub.lastEndpoint())) {
            ByteBuffer g = ByteBuffer.allocate(64);
            new Greeting(3, 0, "NULL", false).encode(g);
            v30.write(g.array());
            v30.readGreeting();
            v30.sendReady("PUB");
            v30.readFrame();
            RawZmtpPeer.RawFrame subscription = v30.readFrame();
            assertThat(subscription.isCommand()).isFalse();
            assertThat(new String(subscription.body())).isEqualTo("\u0001topic");
        }
    }
}
