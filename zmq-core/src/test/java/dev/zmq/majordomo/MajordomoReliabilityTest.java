package dev.zmq.majordomo;

import dev.zmq.ZmqMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failures, with real processes where a kill matters: a worker SIGKILLed while it holds a request, a broker closed
 * and started again on the same endpoint, a libzmq broker SIGKILLed and started again. Nothing sleeps: the tests
 * wait on what they expect.
 */
@Timeout(120)
class MajordomoReliabilityTest extends MajordomoFixture {

    private static final MdpHeartbeat HEARTBEAT = new MdpHeartbeat(Duration.ofMillis(200), 3);
    private static final Duration LONG = Duration.ofSeconds(30);

    private MajordomoWorker ourWorker(String endpoint, String service) {
        MajordomoWorker w = closing(MajordomoWorker.builder(ctx, endpoint, service).heartbeat(HEARTBEAT)
                .reconnect(Duration.ofMillis(50), Duration.ofMillis(500)).build());
        threads.execute(() -> w.run(body -> ZmqMessage.of("java:" + body.frame(0).text())));
        return w;
    }

    @Test
    void aWorkerKilledMidFlightLosesNoRequestAndANewWorkerLaterGetsWork() throws Exception {
        MajordomoBroker broker = closing(MajordomoBroker.builder(ctx).heartbeat(HEARTBEAT).build());
        String endpoint = broker.bind("tcp://127.0.0.1:*");
        broker.start();
        MdpPeer doomed = closing(MdpPeer.worker(endpoint, "job", HEARTBEAT.interval(), "hang"));
        doomed.awaitLine("ready"::equals, LONG);
        await().atMost(LONG).until(() -> broker.statistics().service("job").workers() == 1);

        MajordomoClient client = closing(MajordomoClient.create(ctx, endpoint));
        List<CompletableFuture<ZmqMessage>> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replies.add(client.requestAsync("job", ZmqMessage.of("hello-" + i), Duration.ofSeconds(2), 10));
        }
        doomed.awaitLine(l -> l.startsWith("got hello-"), LONG);   // it holds a request and will never answer
        doomed.kill();
        await().atMost(LONG).until(() -> broker.statistics().service("job").workersExpired() == 1);
        assertThat(replies).noneMatch(CompletableFuture::isDone);

        ourWorker(endpoint, "job");   // a new worker, later
        for (int i = 0; i < 10; i++) {
            assertThat(replies.get(i).get(60, TimeUnit.SECONDS).frame(0).text()).isEqualTo("java:hello-" + i);
        }
        ServiceStatistics job = broker.statistics().service("job");
        assertThat(job.workersExpired()).isEqualTo(1);
        assertThat(job.replies()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void afterOurBrokerRestartsClientsAndWorkersReconnectByThemselves() throws Exception {
        MajordomoBroker first = MajordomoBroker.builder(ctx).heartbeat(HEARTBEAT).build();
        String endpoint = first.bind("tcp://127.0.0.1:*");
        first.start();
        MajordomoWorker worker = ourWorker(endpoint, "svc");
        MajordomoClient client = closing(MajordomoClient.create(ctx, endpoint));
        assertThat(client.request("svc", ZmqMessage.of("before"), Duration.ofSeconds(5), 3).frame(0).text())
                .isEqualTo("java:before");

        first.close();
        MajordomoBroker second = closing(MajordomoBroker.builder(ctx).heartbeat(HEARTBEAT).build());
        await().atMost(LONG).ignoreExceptions().until(() -> second.bind(endpoint) != null);
        second.start();

        assertThat(client.request("svc", ZmqMessage.of("after"), Duration.ofSeconds(1), 30).frame(0).text())
                .isEqualTo("java:after");
        assertThat(worker.reconnects()).isGreaterThanOrEqualTo(1);
        assertThat(second.statistics().service("svc").workers()).isEqualTo(1);
    }

    @Test
    void afterTheirBrokerIsKilledAndRestartedOurClientAndWorkerReconnect() throws Exception {
        MdpPeer first = MdpPeer.broker("tcp://127.0.0.1:*", HEARTBEAT.interval());
        String endpoint = first.awaitLine(l -> l.startsWith("ready "), LONG).substring(6);
        MajordomoWorker worker = ourWorker(endpoint, "svc");
        MajordomoClient client = closing(MajordomoClient.create(ctx, endpoint));
        assertThat(client.request("svc", ZmqMessage.of("before"), Duration.ofSeconds(5), 3).frame(0).text())
                .isEqualTo("java:before");

        first.kill();
        long reconnectsBefore = worker.reconnects();
        MdpPeer second = closing(MdpPeer.broker(endpoint, HEARTBEAT.interval()));
        second.awaitLine(l -> l.startsWith("ready "), LONG);

        assertThat(client.request("svc", ZmqMessage.of("after"), Duration.ofSeconds(1), 30).frame(0).text())
                .isEqualTo("java:after");
        assertThat(worker.reconnects()).isGreaterThan(reconnectsBefore);
    }
}
