package dev.zmq.hostile;

import dev.zmq.RawBytes;

import dev.zmq.LibzmqScript;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import dev.zmq.security.CurveMechanism;
import dev.zmq.security.Z85;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Peers that lie, stall or babble, from raw TCP, against a bound PULL in a small-heap JVM (this class runs in its own
 * surefire execution with {@code -Xmx256m}): each may cost only what it sends, its failure closes its connection
 * alone with an event naming the peer and the reason, and an honest libzmq peer's messages all arrive meanwhile.
 */
class HostilePeersTest {

    /** Two gigabytes claimed: within what a Java array can hold, so only growing with the bytes keeps it cheap. */
    private static final long TWO_GB = 2_000_000_000L;

    private final ZmqContext ctx = new ZmqContext();
    private final List<SocketEvent> events = new CopyOnWriteArrayList<>();
    private final List<Socket> raws = new ArrayList<>();

    @BeforeAll
    static void runsInASmallHeap() {
        // the claims below would not fit if allocated: the point of these tests is a heap they would overflow
        assertThat(Runtime.getRuntime().maxMemory()).as("max heap (this class runs with -Xmx256m)")
                .isLessThan(512L << 20);
    }

    @AfterEach
    void tearDown() throws IOException {
        for (Socket s : raws) {
            s.close();
        }
        ctx.close();
    }

    private ZmqSocket pull(String mechanism) {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        switch (mechanism) {
            case "PLAIN" -> pull.set(SocketOption.PLAIN_SERVER, true);
            case "CURVE" -> pull.set(SocketOption.CURVE_SERVER, true)
                    .set(SocketOption.CURVE_SECRETKEY, Z85.decode(CurveMechanism.newKeyPair()[1]));
            default -> { }
        }
        pull.addMonitor(events::add);
        pull.bind("tcp://127.0.0.1:*");
        return pull;
    }

    private Socket raw(ZmqSocket server) throws IOException {
        String ep = server.lastEndpoint();
        Socket s = new Socket("127.0.0.1", Integer.parseInt(ep.substring(ep.lastIndexOf(':') + 1)));
        s.setSoTimeout(20_000);
        raws.add(s);
        return s;
    }

    private static void send(Socket s, byte[]... parts) throws IOException {
        OutputStream out = s.getOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        out.flush();
    }

    /** Greeting both ways and READY both ways over NULL, as a PUSH. */
    private Socket nullPush(ZmqSocket server) throws IOException {
        Socket s = raw(server);
        send(s, RawBytes.greeting("NULL", false), RawBytes.ready("PUSH"));
        DataInputStream in = new DataInputStream(s.getInputStream());
        in.readFully(new byte[64]);
        assertThat(RawBytes.readCommandName(in)).isEqualTo("READY");
        return s;
    }

    /** PLAIN's client side by hand (RFC 24): HELLO, WELCOME, INITIATE, READY, as a PUSH. */
    private Socket plainPush(ZmqSocket server) throws IOException {
        Socket s = raw(server);
        send(s, RawBytes.greeting("PLAIN", false), RawBytes.plainHello("mallory", "secret"));
        DataInputStream in = new DataInputStream(s.getInputStream());
        in.readFully(new byte[64]);
        assertThat(RawBytes.readCommandName(in)).isEqualTo("WELCOME");
        send(s, RawBytes.command("INITIATE", RawBytes.property("Socket-Type", "PUSH")));
        assertThat(RawBytes.readCommandName(in)).isEqualTo("READY");
        return s;
    }

    /** A libzmq PUSH (python3-zmq) sends {@code count} messages; every one must arrive at {@code server}. */
    private static void honestPeerDelivers(ZmqSocket server, int count) throws Exception {
        honestPeerDelivers(server, count, "NULL");
    }

    /** As {@link #honestPeerDelivers(ZmqSocket, int)}, the peer speaking {@code mechanism} (NULL or PLAIN). */
    private static void honestPeerDelivers(ZmqSocket server, int count, String mechanism) throws Exception {
        Process p = LibzmqScript.start("""
                import sys, zmq
                ctx = zmq.Context()
                s = ctx.socket(zmq.PUSH)
                s.setsockopt(zmq.LINGER, 5000)
                if sys.argv[3] == "PLAIN":
                    s.plain_username = b"honest"
                    s.plain_password = b"secret"
                s.connect(sys.argv[1])
                for i in range(int(sys.argv[2])):
                    s.send(b"honest-%d" % i)
                s.close()
                ctx.term()
                """, server.lastEndpoint(), String.valueOf(count), mechanism);
        for (int i = 0; i < count; i++) {
            ZmqMessage m = server.recv(Duration.ofSeconds(20));
            assertThat(m).as("honest message %d", i).isNotNull();
            assertThat(m.frame(0).text()).isEqualTo("honest-" + i);
        }
        LibzmqScript.finish(p);
    }

    private List<SocketEvent> eventsOf(SocketEventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }

    private void noInternalErrors() {
        assertThat(events).noneMatch(e -> e.detail() != null && e.detail().contains("internal error"));
    }

    private static boolean closedByServer(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        try {
            while (in.read() >= 0) {
                // our greeting and whatever was sent before the close
            }
            return true;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"NULL", "PLAIN"})
    void twoGigabyteClaimsAfterTheHandshakeCostOnlyWhatArrives(String mechanism) throws Exception {
        ZmqSocket server = pull(mechanism);
        List<Socket> liars = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Socket s = mechanism.equals("NULL") ? nullPush(server) : plainPush(server);
            send(s, RawBytes.longHeader(0, TWO_GB), new byte[] {1, 2});
            liars.add(s);
        }
        // 16 x 2 GB claims in a 256 MB heap: allocated up front they would be an OutOfMemoryError
        honestPeerDelivers(server, 1000, mechanism);
        noInternalErrors();
        List<String> liarAddresses = liars.stream().map(s -> "tcp://127.0.0.1:" + s.getLocalPort()).toList();
        assertThat(eventsOf(SocketEventType.DISCONNECTED)).as("the liars are still connected, costing what they sent")
                .noneMatch(e -> liarAddresses.contains(e.peer()));
        for (Socket s : liars) {
            send(s, new byte[4096]);
        }
        assertThat(server.statistics().peers()).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void aClaimBeyondMaxMsgSizeClosesThatConnectionNamingThePeer() throws Exception {
        ZmqSocket server = ctx.socket(SocketType.PULL).set(SocketOption.MAXMSGSIZE, 1L << 20);
        server.addMonitor(events::add);
        server.bind("tcp://127.0.0.1:*");
        Socket liar = nullPush(server);
        send(liar, RawBytes.longHeader(0, TWO_GB), new byte[] {1, 2});
        await().atMost(Duration.ofSeconds(20)).until(() -> !eventsOf(SocketEventType.DISCONNECTED).isEmpty());
        SocketEvent e = eventsOf(SocketEventType.DISCONNECTED).get(0);
        assertThat(e.detail()).isEqualTo("frame of 2000000000 bytes exceeds MAXMSGSIZE 1048576");
        assertThat(e.peer()).isEqualTo("tcp://127.0.0.1:" + liar.getLocalPort());
        assertThat(closedByServer(liar)).isTrue();
        honestPeerDelivers(server, 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NULL", "PLAIN", "CURVE"})
    void aTwoGigabyteCommandBeforeAuthenticationIsRefusedAtItsHeader(String mechanism) throws Exception {
        ZmqSocket server = pull(mechanism);
        List<Socket> liars = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Socket s = raw(server);
            send(s, RawBytes.greeting(mechanism, false), RawBytes.longHeader(0x04, TWO_GB), new byte[] {5, 'H'});
            liars.add(s);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(SocketEventType.HANDSHAKE_FAILED).size() == 8);
        assertThat(eventsOf(SocketEventType.HANDSHAKE_FAILED)).allSatisfy(e -> {
            assertThat(e.detail()).isEqualTo("frame of 2000000000 bytes exceeds the handshake's bound before "
                    + "authentication 16384");
            assertThat(e.peer()).startsWith("tcp://127.0.0.1:");
        });
        for (Socket s : liars) {
            assertThat(closedByServer(s)).isTrue();
        }
        noInternalErrors();
    }

    @Test
    void oversizedAndTruncatedReadyMetadataFailTheHandshake() throws Exception {
        ZmqSocket server = pull("NULL");
        Socket oversized = raw(server);
        byte[] big = new byte[20_000];
        send(oversized, RawBytes.greeting("NULL", false),
                RawBytes.command("READY", concat(RawBytes.property("Socket-Type", "PUSH"),
                        RawBytes.property("X-Big", big, big.length))));
        Socket truncated = raw(server);
        send(truncated, RawBytes.greeting("NULL", false),
                RawBytes.command("READY", RawBytes.property("Socket-Type", "PUSH".getBytes(StandardCharsets.US_ASCII),
                        1000)));
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(SocketEventType.HANDSHAKE_FAILED).size() == 2);
        assertThat(eventsOf(SocketEventType.HANDSHAKE_FAILED)).extracting(SocketEvent::detail).containsExactlyInAnyOrder(
                "frame of 20036 bytes exceeds the handshake's bound before authentication 16384",
                "metadata property Socket-Type claims 1000 bytes");
        assertThat(closedByServer(oversized)).isTrue();
        assertThat(closedByServer(truncated)).isTrue();
        honestPeerDelivers(server, 100);
    }

    @Test
    void badGreetingsAndRandomGarbageCloseTheirConnectionsSayingWhy() throws Exception {
        ZmqSocket server = pull("NULL");
        byte[] wrongSignature = RawBytes.greeting("NULL", false);
        wrongSignature[9] = 0x00;
        byte[] zmtp2 = RawBytes.greeting("NULL", false);
        zmtp2[10] = 2;
        zmtp2[11] = 0;
        send(raw(server), wrongSignature);
        send(raw(server), zmtp2);
        send(raw(server), RawBytes.greeting("PLAIN", false));
        Random random = new Random(16);
        for (int i = 0; i < 8; i++) {
            byte[] garbage = new byte[4096];
            random.nextBytes(garbage);
            send(raw(server), garbage);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(SocketEventType.HANDSHAKE_FAILED).size() == 11);
        List<String> reasons = eventsOf(SocketEventType.HANDSHAKE_FAILED).stream().map(SocketEvent::detail).toList();
        assertThat(reasons).contains("peer speaks ZMTP 2.0; 3.0 or later is required",
                "security mechanism mismatch: we use NULL, the peer uses PLAIN");
        assertThat(reasons).filteredOn(r -> r.equals("not a ZMTP peer: greeting signature is wrong")).hasSize(9);
        for (Socket s : raws) {
            assertThat(closedByServer(s)).isTrue();
        }
        noInternalErrors();
        honestPeerDelivers(server, 100);
    }

    @Test
    void aThousandSilentConnectionsAreClosedAfterHandshakeIvl() throws Exception {
        ZmqSocket server = ctx.socket(SocketType.PULL).set(SocketOption.HANDSHAKE_IVL, Duration.ofSeconds(2));
        server.addMonitor(events::add);
        server.bind("tcp://127.0.0.1:*");
        for (int i = 0; i < 1000; i++) {
            raw(server);
        }
        honestPeerDelivers(server, 1000);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> eventsOf(SocketEventType.HANDSHAKE_FAILED).size() == 1000);
        assertThat(eventsOf(SocketEventType.HANDSHAKE_FAILED)).extracting(SocketEvent::detail)
                .containsOnly("handshake did not complete within HANDSHAKE_IVL 2000 ms");
        for (Socket s : raws) {
            assertThat(closedByServer(s)).isTrue();
        }
    }

    @Test
    void aPeerSendingOneByteAtATimeDeliversEveryMessage() throws Exception {
        ZmqSocket server = pull("NULL");
        Socket slow = raw(server);
        byte[] all = concat(RawBytes.greeting("NULL", false), RawBytes.ready("PUSH"));
        for (int i = 0; i < 30; i++) {
            all = concat(all, RawBytes.frame(0x01, ("head-" + i).getBytes(StandardCharsets.US_ASCII)),
                    RawBytes.frame(0, new byte[300 + i]));
        }
        OutputStream out = slow.getOutputStream();
        for (byte b : all) {
            out.write(b);
            out.flush();
        }
        for (int i = 0; i < 30; i++) {
            ZmqMessage m = server.recv(Duration.ofSeconds(20));
            assertThat(m).as("message %d", i).isNotNull();
            assertThat(m.size()).isEqualTo(2);
            assertThat(m.frame(0).text()).isEqualTo("head-" + i);
            assertThat(m.data(1)).hasSize(300 + i);
        }
        noInternalErrors();
    }

    @Test
    void anErrorThrownWhileServingOneConnectionClosesItAloneAndTheOthersGoOn() throws Exception {
        ZmqSocket server = ctx.socket(SocketType.PULL);
        java.util.concurrent.atomic.AtomicBoolean thrown = new java.util.concurrent.atomic.AtomicBoolean();
        server.addMonitor(e -> {
            events.add(e);
            if (e.type() == SocketEventType.HANDSHAKE_SUCCEEDED && thrown.compareAndSet(false, true)) {
                throw new OutOfMemoryError("Java heap space (thrown by the test's monitor)");
            }
        });
        server.bind("tcp://127.0.0.1:*");
        Socket bystander = nullPush(server);
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect(server.lastEndpoint());
        await().atMost(Duration.ofSeconds(20)).until(() -> !eventsOf(SocketEventType.DISCONNECTED).isEmpty());
        SocketEvent closed = eventsOf(SocketEventType.DISCONNECTED).get(0);
        assertThat(closed.detail()).isEqualTo("internal error while serving the connection: "
                + "java.lang.OutOfMemoryError: Java heap space (thrown by the test's monitor)");
        assertThat(closed.peer()).isEqualTo("tcp://127.0.0.1:" + bystander.getLocalPort());
        for (int i = 0; i < 10; i++) {
            push.send(ZmqMessage.of("after-" + i));
        }
        for (int i = 0; i < 10; i++) {
            ZmqMessage m = server.recv(Duration.ofSeconds(20));
            assertThat(m).isNotNull();
            assertThat(m.frame(0).text()).isEqualTo("after-" + i);
        }
        honestPeerDelivers(server, 100);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
