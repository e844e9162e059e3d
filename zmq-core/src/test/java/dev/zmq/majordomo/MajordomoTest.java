package dev.zmq.majordomo;

import dev.zmq.ErrorCode;
import dev.zmq.SocketOption;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.security.CurveMechanism;
import dev.zmq.security.Z85;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Our broker, workers and clients together: every transport, CURVE, many requests in flight, timeouts. */
@Timeout(60)
class MajordomoTest extends MajordomoFixture {

    static final MdpHeartbeat FAST = new MdpHeartbeat(Duration.ofMillis(100), 5);

    private MajordomoWorker echoWorker(MajordomoWorker.Builder builder) {
        MajordomoWorker w = closing(builder.heartbeat(FAST).reconnect(Duration.ofMillis(50), Duration.ofSeconds(1))
                .build());
        threads.execute(() -> w.run(body -> ZmqMessage.of(w.service() + ":" + body.frame(0).text())));
        return w;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:*", "ipc", "inproc://mdp-broker"})
    void aRequestIsAnsweredOverEveryTransport(String bind) throws Exception {
        String endpoint = bind.equals("ipc") ? "ipc://" + Files.createTempDirectory("mdp").resolve("broker.sock")
                : bind;
        MajordomoBroker broker = closing(MajordomoBroker.builder(ctx).heartbeat(FAST).build());
        String bound = broker.bind(endpoint);
        broker.start();
        echoWorker(MajordomoWorker.builder(ctx, bound, "echo"));
        MajordomoClient client = closing(MajordomoClient.create(ctx, bound));
        ZmqMessage reply = client.request("echo", ZmqMessage.of("hello"), Duration.ofSeconds(5), 2);
        assertThat(reply.frame(0).text()).isEqualTo("echo:hello");
    }

    @Test
    void manyRequestsInFlightAreEachAnsweredWithTheirOwnReply() {
        MajordomoBroker broker = closing(MajordomoBroker.builder(ctx).heartbeat(FAST).build());
        String endpoint = broker.bind("tcp://127.0.0.1:*");
        broker.start();
        for (int i = 0; i < 4; i++) {
            echoWorker(MajordomoWorker.builder(ctx, endpoint, "echo"));
        }
        echoWorker(MajordomoWorker.builder(ctx, endpoint, "upper"));
        MajordomoClient client = closing(MajordomoClient.create(ctx, endpoint));
        List<CompletableFuture<ZmqMessage>> replies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String service = i % 5 == 0 ? "upper" : "echo";
            replies.add(client.requestAsync(service, ZmqMessage.of("r" + i), Duration.ofSeconds(20), 1));
        }
        for (int i = 0; i < replies.size(); i++) {
            String service = i % 5 == 0 ? "upper" : "echo";
            assertThat(replies.get(i).join().frame(0).text()).isEqualTo(service + ":r" + i);
        }
        BrokerStatistics stats = broker.statistics();
        assertThat(stats.service("echo").replies()).isEqualTo(160);
        assertThat(stats.service("upper").replies()).isEqualTo(40);
        assertThat(stats.protocolErrorTotal()).isZero();
    }

    @Test
    void everythingWorksOverCurve() {
        String[] server = CurveMechanism.newKeyPair();
        MajordomoBroker broker = closing(MajordomoBroker.builder(ctx).heartbeat(FAST)
                .socket(s -> s.set(SocketOption.CURVE_SERVER, true)
                        .set(SocketOption.CURVE_SECRETKEY, Z85.decode(server[1])))
                .build());
        String endpoint = broker.bind("tcp://127.0.0.1:*");
        broker.start();
        java.util.function.Consumer<dev.zmq.ZmqSocket> curveClient = s -> {
            String[] mine = CurveMechanism.newKeyPair();
            s.set(SocketOption.CURVE_SERVERKEY, Z85.decode(server[0]))
                    .set(SocketOption.CURVE_PUBLICKEY, Z85.decode(mine[0]))
                    .set(SocketOption.CURVE_SECRETKEY, Z85.decode(mine[1]));
        };
        echoWorker(MajordomoWorker.builder(ctx, endpoint, "secret").socket(curveClient));
        MajordomoClient client = closing(MajordomoClient.builder(ctx, endpoint).socket(curveClient).build());
        assertThat(client.request("secret", ZmqMessage.of("psst"), Duration.ofSeconds(5), 2).frame(0).text())
                .isEqualTo("secret:psst");
        // a client without the keys is never served
        MajordomoClient plain = closing(MajordomoClient.create(ctx, endpoint));
        assertThatThrownBy(() -> plain.request("secret", ZmqMessage.of("x"), Duration.ofMillis(300), 0))
                .isInstanceOf(ZmqException.class);
    }

    @Test
    void noReplyAfterTheRetriesIsEagainNamingServiceAndAttempts() {
        MajordomoBroker broker = closing(MajordomoBroker.builder(ctx).heartbeat(FAST).build());
        String endpoint = broker.bind("tcp://127.0.0.1:*");
        broker.start();
        MajordomoClient client = closing(MajordomoClient.create(ctx, endpoint));
        assertThatThrownBy(() -> client.request("nobody", ZmqMessage.of("x"), Duration.ofMillis(200), 2))
                .isInstanceOfSatisfying(ZmqException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.EAGAIN);
                    assertThat(e.getMessage()).contains("'nobody'").contains("3 attempt(s)");
                });
        // each attempt was a request of its own at the broker: all three wait there
        assertThat(broker.statistics().service("nobody").requestsWaiting()).isEqualTo(3);
    }

    @Test
    void theReceiveReplyApiAndCloseFromAnotherThread() throws Exception {
        MajordomoBroker broker = closing(MajordomoBroker.builder(ctx).heartbeat(FAST).build());
        String endpoint = broker.bind("tcp://127.0.0.1:*");
        broker.start();
        MajordomoWorker worker = closing(MajordomoWorker.builder(ctx, endpoint, "manual").heartbeat(FAST).build());
        MajordomoClient client = closing(MajordomoClient.create(ctx, endpoint));
        CompletableFuture<ZmqMessage> reply = client.requestAsync("manual", ZmqMessage.of("a", "b"),
                Duration.ofSeconds(10), 0);
        ZmqMessage request = null;
        while (request == null) {
            request = worker.receive(Duration.ofSeconds(1));
        }
        assertThat(request.frames()).extracting(f -> f.text()).containsExactly("a", "b");
        worker.reply(ZmqMessage.of("c", "d"));
        assertThat(reply.get(10, TimeUnit.SECONDS).frames()).extracting(f -> f.text()).containsExactly("c", "d");
        assertThatThrownBy(() -> worker.reply(ZmqMessage.of("again"))).isInstanceOf(IllegalStateException.class);

        CompletableFuture<ZmqMessage> blocked = CompletableFuture.supplyAsync(
                () -> worker.receive(Duration.ofSeconds(30)), threads);
        await().atMost(WAIT).until(() -> broker.statistics().service("manual").workersWaiting() == 1);
        worker.close();
        assertThat(blocked.get(10, TimeUnit.SECONDS)).isNull();
        // the worker said DISCONNECT on close
        await().atMost(WAIT).until(() -> broker.statistics().service("manual").workers() == 0);
    }

    @Test
    void aFailingHandlerGivesItsRequestBackAndTheWorkerRegistersAgain() throws Exception {
        MajordomoBroker broker = closing(MajordomoBroker.builder(ctx).heartbeat(FAST).build());
        String endpoint = broker.bind("tcp://127.0.0.1:*");
        broker.start();
        MajordomoWorker worker = closing(MajordomoWorker.builder(ctx, endpoint, "flaky").heartbeat(FAST).build());
        MajordomoClient client = closing(MajordomoClient.create(ctx, endpoint));
        CompletableFuture<ZmqMessage> reply = client.requestAsync("flaky", ZmqMessage.of("once"),
                Duration.ofSeconds(20), 0);
        assertThatThrownBy(() -> worker.run(body -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        threads.execute(() -> worker.run(body -> ZmqMessage.of("ok:" + body.frame(0).text())));
        assertThat(reply.get(20, TimeUnit.SECONDS).frame(0).text()).isEqualTo("ok:once");
        assertThat(broker.statistics().service("flaky").dispatched()).isEqualTo(2);
    }

}
