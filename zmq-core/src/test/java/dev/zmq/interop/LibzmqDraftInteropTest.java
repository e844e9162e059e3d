package dev.zmq.interop;

import dev.zmq.LibzmqScript;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The draft socket types against libzmq itself (4.3.5 built with the draft API, through npm's zeromq 6.8.0; Debian's
 * libzmq lacks them): CLIENT/SERVER, RADIO/DISH and SCATTER/GATHER over TCP, our socket in each role of the pair and
 * binding or connecting. libzmq's part is {@code peers/libzmq_draft_peer.js}. (zeromq.js has no PEER or CHANNEL
 * socket; those are tested against JeroMQ in {@link DraftInteropTest}.)
 */
class LibzmqDraftInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String SCRIPT = script();

    private final ZmqContext ctx = new ZmqContext();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void close() {
        ctx.close();
        processes.forEach(Process::destroyForcibly);
    }

    private static String script() {
        try (InputStream in = LibzmqDraftInteropTest.class.getResourceAsStream("/peers/libzmq_draft_peer.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** libzmq's side playing {@code part}: when {@code weBind}, it connects to {@code ours}; else it binds and we connect. */
    private BufferedReader libzmq(String part, boolean weBind, ZmqSocket ours) {
        // a part that is done exits: what our socket still queues for it is not waited for at close
        ours.set(SocketOption.LINGER, Duration.ZERO);
        if (weBind) {
            ours.bind("tcp://127.0.0.1:*");
        }
        Process process = LibzmqScript.startDraft(SCRIPT, part, weBind ? "connect" : "bind",
                weBind ? ours.lastEndpoint() : "tcp://127.0.0.1:*");
        processes.add(process);
        BufferedReader out = process.inputReader();
        String first = line(out);
        if (weBind) {
            assertThat(first).isEqualTo("connected");
        } else {
            assertThat(first).startsWith("bound tcp://127.0.0.1:");
            ours.connect(first.substring("bound ".length()));
        }
        return out;
    }

    private static String line(BufferedReader out) {
        await().atMost(WAIT).until(out::ready);
        try {
            return out.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "we bind={0}")
    @ValueSource(booleans = {true, false})
    void ourServerAnswersALibzmqClient(boolean weBind) {
        ZmqSocket server = ctx.socket(SocketType.SERVER);
        BufferedReader client = libzmq("client", weBind, server);
        ZmqMessage question = server.recv(WAIT);
        assertThat(question.first().text()).isEqualTo("question");
        assertThat(question.routingId()).as("libzmq's CLIENT got a routing id from us").isNotZero();
        server.send(ZmqMessage.of("answer").withRoutingId(question.routingId()));
        assertThat(line(client)).isEqualTo("answer answer");
    }

    @ParameterizedTest(name = "we bind={0}")
    @ValueSource(booleans = {true, false})
    void ourClientAsksALibzmqServer(boolean weBind) {
        ZmqSocket client = ctx.socket(SocketType.CLIENT);
        BufferedReader server = libzmq("server", weBind, client);
        client.send("question");
        assertThat(line(server)).isEqualTo("request question");
        assertThat(client.recv(WAIT).first().text()).isEqualTo("question back");
    }

    @ParameterizedTest(name = "we bind={0}")
    @ValueSource(booleans = {true, false})
    void ourRadioReachesOnlyTheGroupALibzmqDishJoined(boolean weBind) {
        ZmqSocket radio = ctx.socket(SocketType.RADIO);
        BufferedReader dish = libzmq("dish", weBind, radio);
        // sent until libzmq's JOIN has arrived: before that, RADIO drops what no one joined
        await().atMost(WAIT).until(() -> {
            radio.send(ZmqMessage.of("score").withGroup("sports"));
            radio.send(ZmqMessage.of("headline").withGroup("news"));
            return dish.ready();
        });
        assertThat(line(dish)).isEqualTo("message news|headline");
    }

    @ParameterizedTest(name = "we bind={0}")
    @ValueSource(booleans = {true, false})
    void aLibzmqRadioReachesOurDishForTheGroupItJoined(boolean weBind) {
        ZmqSocket dish = ctx.socket(SocketType.DISH);
        dish.join("news");
        libzmq("radio", weBind, dish);
        for (int i = 0; i < 3; i++) {
            ZmqMessage m = dish.recv(WAIT);
            assertThat(m.group()).isEqualTo("news");
            assertThat(m.first().text()).isEqualTo("headline");
        }
    }

    @ParameterizedTest(name = "we bind={0}")
    @ValueSource(booleans = {true, false})
    void scatterAndGatherBothWays(boolean weBind) {
        ZmqSocket scatter = ctx.socket(SocketType.SCATTER);
        BufferedReader gather = libzmq("gather", weBind, scatter);
        scatter.send("to libzmq");
        assertThat(line(gather)).isEqualTo("message to libzmq");

        ZmqSocket ourGather = ctx.socket(SocketType.GATHER);
        libzmq("scatter", weBind, ourGather);
        assertThat(ourGather.recv(WAIT).first().text()).isEqualTo("from libzmq");
    }
}
