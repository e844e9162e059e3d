package dev.zmq.majordomo;

import dev.zmq.ZmqMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Interop, both roles, against {@code peers/mdp_peer.py}: an MDP/0.1 broker, worker and client written from RFC 7
 * on libzmq 4.3 (Debian's pyzmq), each in a process of its own.
 */
@Timeout(90)
class MajordomoInteropTest extends MajordomoFixture {

    private static final MdpHeartbeat HEARTBEAT = new MdpHeartbeat(Duration.ofMillis(250), 3);
    private static final Duration LONG = Duration.ofSeconds(30);

    private String ourBroker() {
        MajordomoBroker broker = closing(MajordomoBroker.builder(ctx).heartbeat(HEARTBEAT).build());
        String endpoint = broker.bind("tcp://127.0.0.1:*");
        broker.start();
        return endpoint;
    }

    private void ourWorker(String endpoint, String service) {
        MajordomoWorker w = closing(MajordomoWorker.builder(ctx, endpoint, service).heartbeat(HEARTBEAT).build());
        threads.execute(() -> w.run(body -> ZmqMessage.of("java:" + body.frame(0).text())));
    }

    @Test
    void theirClientAndWorkerThroughOurBroker() throws Exception {
        String endpoint = ourBroker();
        MdpPeer worker = closing(MdpPeer.worker(endpoint, "echo", HEARTBEAT.interval(), "echo"));
        worker.awaitLine("ready"::equals, LONG);
        MdpPeer client = closing(MdpPeer.client(endpoint, "echo", 5, Duration.ofSeconds(5), 3));
        client.awaitExit(LONG);
        assertThat(client.lines()).containsExactly("reply py:hello-0", "reply py:hello-1", "reply py:hello-2",
                "reply py:hello-3", "reply py:hello-4");
        // their worker kept its registration by heartbeats: it is still there after several of its intervals
        MdpPeer later = closing(MdpPeer.client(endpoint, "echo", 1, Duration.ofSeconds(5), 3));
        later.awaitExit(LONG);
        assertThat(later.lines()).containsExactly("reply py:hello-0");
    }

    @Test
    void theirClientsAndWorkersMixWithOurs() throws Exception {
        String endpoint = ourBroker();
        ourWorker(endpoint, "java");
        MdpPeer pyWorker = closing(MdpPeer.worker(endpoint, "python", HEARTBEAT.interval(), "echo"));
        pyWorker.awaitLine("ready"::equals, LONG);
        MdpPeer theirClient = closing(MdpPeer.client(endpoint, "java", 3, Duration.ofSeconds(5), 3));
        theirClient.awaitExit(LONG);
        assertThat(theirClient.lines()).containsExactly("reply java:hello-0", "reply java:hello-1",
                "reply java:hello-2");
        MajordomoClient ourClient = closing(MajordomoClient.create(ctx, endpoint));
        assertThat(ourClient.request("python", ZmqMessage.of("hi", "there"), Duration.ofSeconds(5), 3).frames())
                .extracting(f -> f.text()).containsExactly("py:hi", "py:there");
    }

    @Test
    void theirMmiQueriesToOurBroker() throws Exception {
        String endpoint = ourBroker();
        ourWorker(endpoint, "present");
        MajordomoClient probe = closing(MajordomoClient.create(ctx, endpoint));
        // the worker registers on its own thread: wait until our own MMI query says so
        await().atMost(LONG).until(() -> probe.request("mmi.service", ZmqMessage.of("present"), Duration.ofSeconds(5),
                3).frame(0).text().equals("200"));
        MdpPeer found = closing(MdpPeer.mmi(endpoint, "present"));
        found.awaitExit(LONG);
        assertThat(found.lines()).containsExactly("200");
        MdpPeer missing = closing(MdpPeer.mmi(endpoint, "absent"));
        missing.awaitExit(LONG);
        assertThat(missing.lines()).containsExactly("404");
    }

    @Test
    void ourClientAndWorkerThroughTheirBroker() throws Exception {
        MdpPeer broker = closing(MdpPeer.broker("tcp://127.0.0.1:*", HEARTBEAT.interval()));
        String endpoint = broker.awaitLine(l -> l.startsWith("ready "), LONG).substring(6);
        ourWorker(endpoint, "echo");
        MajordomoClient client = closing(MajordomoClient.create(ctx, endpoint));
        for (int i = 0; i < 5; i++) {
            assertThat(client.request("echo", ZmqMessage.of("m" + i), Duration.ofSeconds(5), 3).frame(0).text())
                    .isEqualTo("java:m" + i);
        }
        // MMI through their broker
        assertThat(client.request("mmi.service", ZmqMessage.of("echo"), Duration.ofSeconds(5), 3).frame(0).text())
                .isEqualTo("200");
        assertThat(client.request("mmi.service", ZmqMessage.of("nope"), Duration.ofSeconds(5), 3).frame(0).text())
                .isEqualTo("404");
        assertThat(client.request("mmi.other", ZmqMessage.of("x"), Duration.ofSeconds(5), 3).frame(0).text())
                .isEqualTo("501");
        // and their worker and our client through their broker, many in flight
        MdpPeer pyWorker = closing(MdpPeer.worker(endpoint, "py", HEARTBEAT.interval(), "echo"));
        pyWorker.awaitLine("ready"::equals, LONG);
        List<java.util.concurrent.CompletableFuture<ZmqMessage>> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            replies.add(client.requestAsync(i % 2 == 0 ? "py" : "echo", ZmqMessage.of("a" + i),
                    Duration.ofSeconds(10), 2));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(replies.get(i).get(30, TimeUnit.SECONDS).frame(0).text())
                    .isEqualTo((i % 2 == 0 ? "py:" : "java:") + "a" + i);
        }
    }
}
