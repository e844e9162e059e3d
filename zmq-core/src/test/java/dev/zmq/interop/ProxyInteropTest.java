package dev.zmq.interop;

import dev.zmq.Proxy;
import dev.zmq.SocketType;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Our proxy between foreign peers: libzmq on one side, JeroMQ on the other. */
class ProxyInteropTest extends PeerFixture {

    private Thread proxyThread;

    @AfterEach
    void proxyEnded() throws InterruptedException {
        context.close();
        if (proxyThread != null) {
            proxyThread.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(proxyThread.isAlive()).as("the proxy ended when its sockets closed").isFalse();
        }
    }

    private void start(Proxy proxy) {
        proxyThread = new Thread(proxy, "proxy");
        proxyThread.start();
    }

    @Test
    void xsubXpubForwarderCarriesSubscriptionsUpAndMessagesDown() {
        TestPeer publisher = track(new LibzmqPeer(SocketType.PUB));
        String upstream = publisher.bind("tcp://127.0.0.1:*");
        ZmqSocket xsub = context.socket(SocketType.XSUB);
        xsub.connect(upstream);
        ZmqSocket xpub = context.socket(SocketType.XPUB);
        xpub.bind("tcp://127.0.0.1:*");
        start(new Proxy(xsub, xpub, null, null));

        JeromqPeer subscriber = track(new JeromqPeer(SocketType.SUB));
        InteropTest.connect(subscriber, xpub, xpub.lastEndpoint());
        subscriber.subscribe("A".getBytes());
        InteropTest.awaitTopicFlows(publisher, subscriber, "A");
        publisher.send(ZmqMessage.of("B-not-for-you"));
        publisher.send(ZmqMessage.of("A-1", "two frames"));
        assertThat(subscriber.recv(WAIT)).isEqualTo(ZmqMessage.of("A-1", "two frames"));
    }

    @Test
    void routerDealerBrokerRelaysRequestsAndReplies() {
        TestPeer service = track(new JeromqPeer(SocketType.REP));
        String serviceEndpoint = service.bind("tcp://127.0.0.1:*");
        ZmqSocket router = context.socket(SocketType.ROUTER);
        router.bind("tcp://127.0.0.1:*");
        ZmqSocket dealer = context.socket(SocketType.DEALER);
        dealer.connect(serviceEndpoint);
        start(new Proxy(router, dealer, null, null));

        TestPeer client = track(new LibzmqPeer(SocketType.REQ));
        client.connect(router.lastEndpoint());
        for (int i = 0; i < 20; i++) {
            client.send(ZmqMessage.of("request-" + i));
            assertThat(service.recv(WAIT)).isEqualTo(ZmqMessage.of("request-" + i));
            service.send(ZmqMessage.of("reply-" + i));
            assertThat(client.recv(WAIT)).isEqualTo(ZmqMessage.of("reply-" + i));
        }
    }

    @Test
    void steeredThroughItsControlSocket() {
        TestPeer source = track(new LibzmqPeer(SocketType.PUSH));
        ZmqSocket pull = context.socket(SocketType.PULL);
        pull.bind("tcp://127.0.0.1:*");
        ZmqSocket push = context.socket(SocketType.PUSH);
        TestPeer sink = track(new JeromqPeer(SocketType.PULL));
        push.connect(sink.bind("tcp://127.0.0.1:*"));
        ZmqSocket controlServer = context.socket(SocketType.REP);
        controlServer.bind("tcp://127.0.0.1:*");
        ZmqSocket capture = context.socket(SocketType.PUSH);
        capture.bind("tcp://127.0.0.1:*");
        ZmqSocket captured = context.socket(SocketType.PULL);
        captured.connect(capture.lastEndpoint());
        start(new Proxy(pull, push, capture, controlServer));

        ZmqSocket control = context.socket(SocketType.REQ);
        control.connect(controlServer.lastEndpoint());
        source.connect(pull.lastEndpoint());
        source.send(ZmqMessage.of("one"));
        assertThat(sink.recv(WAIT)).isEqualTo(ZmqMessage.of("one"));
        assertThat(captured.recv(WAIT)).isEqualTo(ZmqMessage.of("one"));

        control.send("PAUSE");
        assertThat(control.recv(WAIT)).isEqualTo(ZmqMessage.of("OK"));
        source.send(ZmqMessage.of("two"));
        await(pull);
        assertThat(sink.recv(Duration.ofMillis(200))).as("nothing moves while paused").isNull();
        control.send("RESUME");
        assertThat(control.recv(WAIT)).isEqualTo(ZmqMessage.of("OK"));
        assertThat(sink.recv(WAIT)).isEqualTo(ZmqMessage.of("two"));

        control.send("STATISTICS");
        ZmqMessage stats = control.recv(WAIT);
        assertThat(stats.size()).isEqualTo(8);
        long[] v = new long[8];
        for (int i = 0; i < 8; i++) {
            v[i] = ByteBuffer.wrap(stats.frame(i).data()).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }
        assertThat(v).containsExactly(2, 6, 0, 0, 0, 0, 2, 6);
        control.send("TERMINATE");
        assertThat(control.recv(WAIT)).isEqualTo(ZmqMessage.of("OK"));
    }

    /** Waits until the paused proxy's frontend holds the message (so the pause, not a delay, is what is tested). */
    private static void await(ZmqSocket frontend) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> frontend.statistics().queuedIn() == 1);
    }
}
