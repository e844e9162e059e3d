package dev.zmq.transport.udp;

import dev.zmq.ContextFixture;
import dev.zmq.ErrorCode;
import dev.zmq.LibzmqScript;
import dev.zmq.SocketType;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * RADIO/DISH over {@code udp://}: unicast and multicast on the loopback interface, against our own sockets and a real
 * libzmq (4.3.5 with the draft API, through Node) in both roles; the datagram format byte by byte and malformed
 * datagrams from a plain datagram socket of another process (Python); bad usage.
 */
class UdpTest extends ContextFixture {

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Sends to {@code group} until the DISH gets one (a datagram may be sent before the DISH is bound). */
    private static ZmqMessage sendUntilReceived(ZmqSocket radio, ZmqSocket dish, String group, String text) {
        ZmqMessage[] got = new ZmqMessage[1];
        await().atMost(WAIT).until(() -> {
            radio.send(ZmqMessage.of(text).withGroup(group));
            got[0] = dish.recv(Duration.ofMillis(50));
            return got[0] != null;
        });
        return got[0];
    }

    @Test
    void unicastDeliversOnlyJoinedGroups() throws Exception {
        int port = freeUdpPort();
        ZmqSocket dish = ctx.socket(SocketType.DISH);
        dish.bind("udp://127.0.0.1:" + port);
        dish.join("movies");
        ZmqSocket radio = ctx.socket(SocketType.RADIO);
        radio.connect("udp://127.0.0.1:" + port);
        radio.send(ZmqMessage.of("ignored").withGroup("tv"));
        ZmqMessage m = sendUntilReceived(radio, dish, "movies", "star wars");
        assertThat(m.group()).isEqualTo("movies");
        assertThat(m.first().text()).isEqualTo("star wars");
        assertThat(dish.boundEndpoints()).containsExactly("udp://127.0.0.1:" + port);
        assertThat(radio.connectedEndpoints()).containsExactly("udp://127.0.0.1:" + port);
        assertThat(dish.statistics().messagesIn()).isPositive();
    }

    @Test
    void multicastOnLoopbackReachesEveryDishOfTheGroup() throws Exception {
        int port = freeUdpPort();
        String group = "udp://127.0.0.1;239.192.7.7:" + port;
        ZmqSocket dishA = ctx.socket(SocketType.DISH);
        ZmqSocket dishB = ctx.socket(SocketType.DISH);
        dishA.bind(group);
        dishB.bind(group);
        dishA.join("prices");
        dishB.join("prices");
        ZmqSocket radio = ctx.socket(SocketType.RADIO);
        radio.connect(group);
        assertThat(sendUntilReceived(radio, dishA, "prices", "42").first().text()).isEqualTo("42");
        // the same datagrams reached the other member of the group
        ZmqMessage atB = dishB.recv(WAIT);
        assertThat(atB.first().text()).isEqualTo("42");
        assertThat(atB.group()).isEqualTo("prices");
    }

    /**
     * A libzmq DISH bound to {@code theirs} prints the first message of group "abc" it gets ("group|body"), then a
     * libzmq RADIO connected to {@code ours} sends "from libzmq" to group "g1" until the script is stopped.
     */
    private static final String LIBZMQ_DISH_THEN_RADIO = """
            const zmq = require("zeromq/draft");
            const [theirs, ours] = process.argv.slice(1);
            (async () => {
              const dish = new zmq.Dish({receiveTimeout: 20000});
              await dish.bind(theirs);
              dish.join("abc");
              console.log("ready");
              const [body, {group}] = await dish.receive();
              console.log(group.toString() + "|" + body.toString());
              const radio = new zmq.Radio();
              radio.connect(ours);
              for (let i = 0; i < 400; i++) {
                await radio.send("not joined", {group: "g2"});
                await radio.send("from libzmq", {group: "g1"});
                await new Promise(resolve => setTimeout(resolve, 50));
              }
            })().catch(e => { console.log("error " + e); process.exit(1); });
            """;

    @ParameterizedTest(name = "multicast={0}")
    @ValueSource(booleans = {false, true})
    void talksToLibzmqInBothRoles(boolean multicast) throws Exception {
        String prefix = multicast ? "udp://127.0.0.1;239.192.7.8:" : "udp://127.0.0.1:";
        String theirs = prefix + freeUdpPort();
        String ours = prefix + freeUdpPort();
        ZmqSocket dish = ctx.socket(SocketType.DISH);
        dish.bind(ours);
        dish.join("g1");
        Process libzmq = LibzmqScript.startDraft(LIBZMQ_DISH_THEN_RADIO, theirs, ours);
        try {
            BufferedReader out = libzmq.inputReader();
            await().atMost(WAIT).until(out::ready);
            assertThat(out.readLine()).isEqualTo("ready");
            ZmqSocket radio = ctx.socket(SocketType.RADIO);
            radio.connect(theirs);
            await().atMost(WAIT).until(() -> {
                radio.send(ZmqMessage.of("not joined").withGroup("abd"));
                radio.send(ZmqMessage.of("hello").withGroup("abc"));
                return out.ready();
            });
            assertThat(out.readLine()).as("libzmq's DISH got our RADIO's message, only of the group it joined")
                    .isEqualTo("abc|hello");
            ZmqMessage m = dish.recv(WAIT);
            assertThat(m).as("libzmq's RADIO reached our DISH").isNotNull();
            assertThat(m.group()).isEqualTo("g1");
            assertThat(m.first().text()).isEqualTo("from libzmq");
        } finally {
            libzmq.destroy();
        }
    }

    @Test
    void datagramsHaveTheDocumentedFormatAndMalformedOnesAreReported() throws Exception {
        int ourPort = freeUdpPort();
        int theirPort = freeUdpPort();
        ZmqSocket dish = ctx.socket(SocketType.DISH);
        dish.bind("udp://127.0.0.1:" + ourPort);
        dish.join("g1");
        // a foreign process: receives one datagram from our RADIO and prints its bytes, then sends one in libzmq's
        // format (group length, group, body) plus a malformed one to our DISH
        Process peer = LibzmqScript.start("""
                import socket, sys, time
                r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                r.bind(('127.0.0.1', int(sys.argv[1])))
                r.settimeout(20)
                print('ready', flush=True)
                data, _ = r.recvfrom(9000)
                print(data.hex(), flush=True)
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                for _ in range(200):
                    s.sendto(bytes([9]) + b'g1', ('127.0.0.1', int(sys.argv[2])))
                    s.sendto(bytes([2]) + b'g1' + b'from python', ('127.0.0.1', int(sys.argv[2])))
                    time.sleep(0.05)
                """, String.valueOf(theirPort), String.valueOf(ourPort));
        List<SocketEvent> events = new CopyOnWriteArrayList<>();
        dish.addMonitor(events::add);
        ZmqSocket radio = ctx.socket(SocketType.RADIO);
        radio.connect("udp://127.0.0.1:" + theirPort);
        await().atMost(WAIT).until(() -> peer.inputReader().ready());
        assertThat(peer.inputReader().readLine()).isEqualTo("ready");
        await().atMost(WAIT).until(() -> {
            radio.send(ZmqMessage.of("hello").withGroup("abc"));
            return peer.inputReader().ready();
        });
        assertThat(peer.inputReader().readLine()).isEqualTo("03616263" + "68656c6c6f");
        ZmqMessage m = dish.recv(WAIT);
        assertThat(m.group()).isEqualTo("g1");
        assertThat(m.first().text()).isEqualTo("from python");
        await().atMost(WAIT).untilAsserted(() -> assertThat(events)
                .anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo(SocketEventType.MESSAGE_DROPPED);
                    assertThat(e.peer()).contains("127.0.0.1");
                    assertThat(e.detail()).contains("malformed datagram: group length 9 runs past the end");
                }));
        peer.destroy();
    }

    @Test
    void aMessageTooLargeForOneDatagramIsReportedAndTheNextStillGoes() throws Exception {
        int port = freeUdpPort();
        ZmqSocket dish = ctx.socket(SocketType.DISH);
        dish.bind("udp://127.0.0.1:" + port);
        dish.join("g");
        ZmqSocket radio = ctx.socket(SocketType.RADIO);
        List<SocketEvent> events = new CopyOnWriteArrayList<>();
        radio.addMonitor(events::add);
        radio.connect("udp://127.0.0.1:" + port);
        radio.send(ZmqMessage.of(new byte[9000]).withGroup("g"));
        await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.type() == SocketEventType.MESSAGE_DROPPED
                && e.detail().contains("9000-byte message does not fit")));
        assertThat(sendUntilReceived(radio, dish, "g", "small").first().text()).isEqualTo("small");
    }

    @Test
    void onlyRadioConnectsAndOnlyDishBinds() throws Exception {
        int port = freeUdpPort();
        ZmqSocket pub = ctx.socket(SocketType.PUB);
        assertThatThrownBy(() -> pub.connect("udp://127.0.0.1:" + port)).isInstanceOf(ZmqException.class)
                .hasMessageContaining("over udp:// a RADIO connects and a DISH binds")
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.ENOTSUP);
        ZmqSocket radio = ctx.socket(SocketType.RADIO);
        assertThatThrownBy(() -> radio.bind("udp://*:" + port)).hasMessageContaining("RADIO connects");
        assertThatThrownBy(() -> radio.connect("udp://*:" + port)).hasMessageContaining("not '*'");
        assertThatThrownBy(() -> radio.connect("udp://no-such-if0;239.1.1.1:" + port))
                .hasMessageContaining("no network interface 'no-such-if0'");
        assertThatThrownBy(() -> radio.connect("udp://127.0.0.1;127.0.0.1:" + port))
                .hasMessageContaining("goes with a multicast group only");
        assertThatThrownBy(() -> radio.connect("udp://127.0.0.1:99999")).hasMessageContaining("out of range");
        ZmqSocket dish = ctx.socket(SocketType.DISH);
        dish.bind("udp://127.0.0.1:" + port);
        ZmqSocket second = ctx.socket(SocketType.DISH);
        assertThatThrownBy(() -> second.bind("udp://127.0.0.1:" + port))
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.EADDRINUSE);
        dish.unbind("udp://127.0.0.1:" + port);
        second.bind("udp://127.0.0.1:" + port);
    }
}
