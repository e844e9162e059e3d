package dev.zmq.majordomo;

import dev.zmq.ContextFixture;
import dev.zmq.Frame;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker against raw DEALERs that write RFC 7's frames by hand (never through {@link MdpFrames}): what it sends,
 * and what it does with bad input (counted, reported naming the peer, DISCONNECT where the RFC says so, and it keeps
 * serving).
 */
@Timeout(60)
class MajordomoBrokerTest extends ContextFixture {

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] MDPC01 = "MDPC01".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MDPW01 = "MDPW01".getBytes(StandardCharsets.US_ASCII);
    private static final MdpHeartbeat FAST = new MdpHeartbeat(Duration.ofMillis(200), 5);

    private final List<MajordomoEvent> events = new CopyOnWriteArrayList<>();
    private MajordomoBroker broker;
    private String endpoint;

    @BeforeEach
    void startBroker() {
        broker = MajordomoBroker.builder(ctx).heartbeat(FAST).requestExpiry(Duration.ofSeconds(2))
                .monitor(events::add).build();
        endpoint = broker.bind("tcp://127.0.0.1:*");
        broker.start();
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    private ZmqSocket dealer(String id) {
        ZmqSocket s = ctx.socket(SocketType.DEALER).set(SocketOption.LINGER, Duration.ZERO)
                .set(SocketOption.ROUTING_ID, id.getBytes(StandardCharsets.US_ASCII));
        s.connect(endpoint);
        return s;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] cmd(int code) {
        return new byte[] {(byte) code};
    }

    private ZmqSocket readyWorker(String id, String service) {
        ZmqSocket w = dealer(id);
        w.send(ZmqMessage.of(EMPTY, MDPW01, cmd(1), b(service)));
        await().atMost(WAIT).until(() -> broker.statistics().service(service).workers() >= 1);
        return w;
    }

    /** The next message that is not a HEARTBEAT; each HEARTBEAT is answered with one, as a live worker does. */
    private static ZmqMessage nextCommand(ZmqSocket s) {
        while (true) {
            ZmqMessage m = s.recv(WAIT);
            assertThat(m).as("a message within " + WAIT).isNotNull();
            if (!(m.size() == 3 && m.data(2)[0] == 4)) {
                return m;
            }
            s.send(ZmqMessage.of(EMPTY, MDPW01, cmd(4)));
        }
    }

    private static void assertDisconnect(ZmqMessage m) {
        assertThat(m.frames()).containsExactly(Frame.EMPTY, Frame.wrap(MDPW01), Frame.wrap(cmd(5)));
    }

    private void assertStillServes() {
        ZmqSocket w = readyWorker("still-w", "still");
        ZmqSocket c = dealer("still-c");
        c.send(ZmqMessage.of(EMPTY, MDPC01, b("still"), b("ping")));
        ZmqMessage req = nextCommand(w);
        w.send(ZmqMessage.of(EMPTY, MDPW01, cmd(3), req.data(3), EMPTY, b("pong")));
        ZmqMessage reply = c.recv(WAIT);
        assertThat(reply).isNotNull();
        assertThat(reply.frame(3).text()).isEqualTo("pong");
    }

    @Test
    void aRequestGoesToTheWorkerAndTheReplyBackInRfc7Frames() {
        ZmqSocket worker = readyWorker("w1", "echo");
        ZmqSocket client = dealer("c1");
        client.send(ZmqMessage.of(EMPTY, MDPC01, b("echo"), b("part1"), b("part2")));

        ZmqMessage request = nextCommand(worker);
        assertThat(request.frames()).containsExactly(Frame.EMPTY, Frame.wrap(MDPW01), Frame.wrap(cmd(2)),
                Frame.of("c1"), Frame.EMPTY, Frame.of("part1"), Frame.of("part2"));

        worker.send(ZmqMessage.of(EMPTY, MDPW01, cmd(3), b("c1"), EMPTY, b("r1"), b("r2")));
        ZmqMessage reply = client.recv(WAIT);
        assertThat(reply).isNotNull();
        assertThat(reply.frames()).containsExactly(Frame.EMPTY, Frame.wrap(MDPC01), Frame.of("echo"), Frame.of("r1"),
                Frame.of("r2"));
        ServiceStatistics s = broker.statistics().service("echo");
        assertThat(s.dispatched()).isEqualTo(1);
        assertThat(s.replies()).isEqualTo(1);
        await().atMost(WAIT).until(() -> broker.statistics().service("echo").workersWaiting() == 1);
    }

    @Test
    void theBrokerHeartbeatsItsWorkersAndForgetsSilentOnesRequeuingTheirRequest() {
        ZmqSocket silent = readyWorker("silent", "job");
        ZmqSocket client = dealer("c-job");
        client.send(ZmqMessage.of(EMPTY, MDPC01, b("job"), b("work")));
        ZmqMessage request = nextCommand(silent);
        assertThat(request.data(2)).isEqualTo(cmd(2));
        // the silent worker never answers nor heartbeats: it expires and its request goes to the next worker
        ZmqSocket alive = dealer("alive");
        alive.send(ZmqMessage.of(EMPTY, MDPW01, cmd(1), b("job")));
        ZmqMessage again = nextCommand(alive);
        assertThat(again.frame(5).text()).isEqualTo("work");
        alive.send(ZmqMessage.of(EMPTY, MDPW01, cmd(3), again.data(3), EMPTY, b("done")));
        assertThat(client.recv(WAIT).frame(3).text()).isEqualTo("done");
        ServiceStatistics s = broker.statistics().service("job");
        assertThat(s.workersExpired()).isEqualTo(1);
        assertThat(s.dispatched()).isEqualTo(2);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(MajordomoEvent.Type.WORKER_EXPIRED);
            assertThat(e.peer()).isEqualTo(MdpFrames.hex(b("silent")));
        });
    }

    @Test
    void theBrokerSendsHeartbeatsToAnIdleWorker() {
        ZmqSocket w = readyWorker("idle", "svc");
        ZmqMessage m = w.recv(WAIT);
        assertThat(m).isNotNull();
        assertThat(m.frames()).containsExactly(Frame.EMPTY, Frame.wrap(MDPW01), Frame.wrap(cmd(4)));
    }

    @Test
    void aRequestNoWorkerTakesExpires() {
        ZmqSocket client = dealer("c-nobody");
        client.send(ZmqMessage.of(EMPTY, MDPC01, b("nobody"), b("hello")));
        await().atMost(WAIT).until(() -> broker.statistics().service("nobody").requestsExpired() == 1);
        assertThat(broker.statistics().service("nobody").requestsWaiting()).isZero();
        assertThat(events).anyMatch(e -> e.type() == MajordomoEvent.Type.REQUEST_EXPIRED
                && e.peer().equals(MdpFrames.hex(b("c-nobody"))));
    }

    @Test
    void mmiServiceAnswers200For404AndOtherMmiServices501() {
        readyWorker("w-mmi", "known");
        ZmqSocket client = dealer("c-mmi");
        client.send(ZmqMessage.of(EMPTY, MDPC01, b("mmi.service"), b("known")));
        assertThat(client.recv(WAIT).frames()).containsExactly(Frame.EMPTY, Frame.wrap(MDPC01),
                Frame.of("mmi.service"), Frame.of("200"));
        client.send(ZmqMessage.of(EMPTY, MDPC01, b("mmi.service"), b("unknown")));
        assertThat(client.recv(WAIT).frame(3).text()).isEqualTo("404");
        client.send(ZmqMessage.of(EMPTY, MDPC01, b("mmi.nothing"), b("x")));
        assertThat(client.recv(WAIT).frames()).containsExactly(Frame.EMPTY, Frame.wrap(MDPC01),
                Frame.of("mmi.nothing"), Frame.of("501"));
    }

    @Test
    void aWorkerOfferingAnMmiServiceIsDisconnected() {
        ZmqSocket w = dealer("w-bad-mmi");
        w.send(ZmqMessage.of(EMPTY, MDPW01, cmd(1), b("mmi.service")));
        assertDisconnect(nextCommand(w));
        assertThat(broker.statistics().protocolErrors(MdpError.RESERVED_SERVICE)).isEqualTo(1);
        assertStillServes();
    }

    @Test
    void aWrongHeaderIsDroppedCountedAndReportedNamingThePeer() {
        ZmqSocket bad = dealer("bad-header");
        bad.send(ZmqMessage.of(EMPTY, b("MDPX01"), b("echo"), b("x")));
        await().atMost(WAIT).until(() -> broker.statistics().protocolErrors(MdpError.WRONG_HEADER) == 1);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(MajordomoEvent.Type.PROTOCOL_ERROR);
            assertThat(e.error()).isEqualTo(MdpError.WRONG_HEADER);
            assertThat(e.peer()).isEqualTo(MdpFrames.hex(b("bad-header")));
            assertThat(e.detail()).contains("neither MDPC01 nor MDPW01");
        });
        assertThat(bad.recv(Duration.ofMillis(300))).as("a non-worker gets no answer").isNull();
        assertStillServes();
    }

    @Test
    void anUnknownCommandGetsDisconnect() {
        ZmqSocket w = readyWorker("w-unknown", "svc");
        w.send(ZmqMessage.of(EMPTY, MDPW01, cmd(0x09)));
        assertDisconnect(nextCommand(w));
        await().atMost(WAIT).until(() -> broker.statistics().service("svc").workers() == 0);
        assertThat(broker.statistics().protocolErrors(MdpError.UNKNOWN_COMMAND)).isEqualTo(1);
        assertStillServes();
    }

    @Test
    void aReplyFromAnUnknownWorkerGetsDisconnect() {
        ZmqSocket stranger = dealer("stranger");
        stranger.send(ZmqMessage.of(EMPTY, MDPW01, cmd(3), b("some-client"), EMPTY, b("reply")));
        assertDisconnect(nextCommand(stranger));
        assertThat(broker.statistics().protocolErrors(MdpError.UNKNOWN_WORKER)).isEqualTo(1);
        assertThat(events).anyMatch(e -> e.error() == MdpError.UNKNOWN_WORKER
                && e.peer().equals(MdpFrames.hex(b("stranger"))) && e.detail().contains("DISCONNECT"));
        assertStillServes();
    }

    @Test
    void aSecondReadyIsAnUnexpectedCommand() {
        ZmqSocket w = readyWorker("w-twice", "svc");
        w.send(ZmqMessage.of(EMPTY, MDPW01, cmd(1), b("svc")));
        assertDisconnect(nextCommand(w));
        assertThat(broker.statistics().protocolErrors(MdpError.UNEXPECTED_COMMAND)).isEqualTo(1);
        await().atMost(WAIT).until(() -> broker.statistics().service("svc").workers() == 0);
    }

    @Test
    void tooFewFramesFromAClientAndAWorker() {
        ZmqSocket c = dealer("short-client");
        c.send(ZmqMessage.of(EMPTY, MDPC01, b("echo")));   // no body
        c.send(ZmqMessage.of(EMPTY));                       // nothing at all
        ZmqSocket w = dealer("short-worker");
        w.send(ZmqMessage.of(EMPTY, MDPW01));               // no command
        assertDisconnect(nextCommand(w));
        w.send(ZmqMessage.of(EMPTY, MDPW01, cmd(3), b("c")));   // REPLY without delimiter and body
        assertDisconnect(nextCommand(w));
        await().atMost(WAIT).until(() -> broker.statistics().protocolErrors(MdpError.TOO_FEW_FRAMES) == 4);
        ZmqSocket nonEmpty = dealer("not-empty");
        nonEmpty.send(ZmqMessage.of(b("x"), MDPC01, b("echo"), b("body")));
        await().atMost(WAIT).until(() -> broker.statistics().protocolErrors(MdpError.MISSING_EMPTY_FRAME) == 1);
        assertThat(c.recv(Duration.ofMillis(200))).isNull();
        assertStillServes();
    }

    @Test
    void aHeartbeatFromAnUnknownWorkerGetsDisconnectAndAWorkerSayingDisconnectIsForgotten() {
        ZmqSocket stranger = dealer("hb-stranger");
        stranger.send(ZmqMessage.of(EMPTY, MDPW01, cmd(4)));
        assertDisconnect(nextCommand(stranger));
        ZmqSocket w = readyWorker("leaving", "svc");
        w.send(ZmqMessage.of(EMPTY, MDPW01, cmd(5)));
        await().atMost(WAIT).until(() -> broker.statistics().service("svc").workers() == 0);
        assertThat(events).anyMatch(e -> e.type() == MajordomoEvent.Type.WORKER_LEFT);
        assertThat(broker.statistics().protocolErrorTotal()).isEqualTo(1);
    }
}
