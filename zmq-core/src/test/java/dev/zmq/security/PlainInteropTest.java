package dev.zmq.security;

import dev.zmq.LibzmqScript;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZapHandler;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import dev.zmq.monitor.SocketEvent;
import dev.zmq.monitor.SocketEventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** PLAIN and ZAP against libzmq (python3-zmq) in both roles and a JeroMQ 0.6.0 client. */
class PlainInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final ZmqContext ctx = new ZmqContext();

    @AfterEach
    void close() {
        ctx.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static final String LIBZMQ_CLIENT = """
            import sys, zmq
            s = zmq.Context().socket(zmq.REQ); s.plain_username = sys.argv[2].encode()
            s.plain_password = sys.argv[3].encode(); s.setsockopt(zmq.RCVTIMEO, 1500); s.setsockopt(zmq.LINGER, 0)
            s.connect(sys.argv[1]); s.send(b"hello")
            try: print(s.recv().decode())
            except zmq.Again: print("no answer")
            """;

    @Test
    void libzmqClientsAreAuthenticatedByOurServerAndItsZapHandler() throws Exception {
        try (ZapHandler zap = ZapHandler.start(ctx, ZapAuthenticator.plainPasswords(Map.of("alice", "s3cret")))) {
            ZmqSocket rep = ctx.socket(SocketType.REP).set(SocketOption.PLAIN_SERVER, true);
            rep.bind("tcp://127.0.0.1:*");
            Thread echo = new Thread(() -> {
                try {
                    while (true) {
                        rep.send("hi " + rep.recv().first().text());
                    }
                } catch (dev.zmq.ZmqException closed) {
                    // test over
                }
            });
            echo.setDaemon(true);
            echo.start();
            String endpoint = rep.lastEndpoint();
            assertThat(LibzmqScript.finish(LibzmqScript.start(LIBZMQ_CLIENT, endpoint, "alice", "s3cret")))
                    .isEqualTo("hi hello");
            assertThat(LibzmqScript.finish(LibzmqScript.start(LIBZMQ_CLIENT, endpoint, "alice", "wrong")))
                    .isEqualTo("no answer");
            assertThat(rep.statistics().events().handshakeFailures(dev.zmq.monitor.HandshakeFailure.MECHANISM))
                    .isPositive();
        }
    }

    @Test
    void ourClientAuthenticatesAtALibzmqServerWithItsOwnZapHandler() throws Exception {
        int port = freePort();
        Process server = LibzmqScript.start("""
                import sys, zmq
                from zmq.auth.thread import ThreadAuthenticator
                ctx = zmq.Context(); auth = ThreadAuthenticator(ctx); auth.start()
                auth.configure_plain(domain='*', passwords={'alice': 's3cret'})
                s = ctx.socket(zmq.REP); s.plain_server = True; s.bind(sys.argv[1]); print("ready", flush=True)
                s.setsockopt(zmq.RCVTIMEO, 20000)
                s.send(b"libzmq says hi to " + s.recv())
                """, "tcp://127.0.0.1:" + port);
        try {
            assertThat(new String(server.getInputStream().readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("ready\n");
            ZmqSocket wrong = ctx.socket(SocketType.REQ).set(SocketOption.PLAIN_USERNAME, "alice")
                    .set(SocketOption.PLAIN_PASSWORD, "nope").set(SocketOption.LINGER, Duration.ZERO);
            List<SocketEvent> events = new CopyOnWriteArrayList<>();
            wrong.addMonitor(events::add);
            wrong.connect("tcp://127.0.0.1:" + port);
            await().atMost(WAIT).untilAsserted(() -> assertThat(events).as(events.toString())
                    .anyMatch(e -> e.type() == SocketEventType.HANDSHAKE_FAILED && e.detail().startsWith(Mechanism.REFUSED)));
            wrong.close();

            ZmqSocket req = ctx.socket(SocketType.REQ).set(SocketOption.PLAIN_USERNAME, "alice")
                    .set(SocketOption.PLAIN_PASSWORD, "s3cret");
            req.connect("tcp://127.0.0.1:" + port);
            req.send("java");
            assertThat(req.recv(WAIT).first().text()).isEqualTo("libzmq says hi to java");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void aJeromqClientIsAuthenticatedByOurServer() {
        try (ZapHandler zap = ZapHandler.start(ctx, ZapAuthenticator.plainPasswords(Map.of("alice", "s3cret")));
             ZContext jeromq = new ZContext()) {
            ZmqSocket rep = ctx.socket(SocketType.REP).set(SocketOption.PLAIN_SERVER, true);
            rep.bind("tcp://127.0.0.1:*");
            String answer = null;
            String userId = null;
            for (int attempt = 0; attempt < 5 && answer == null; attempt++) {
                // JeroMQ 0.6.0 sometimes never starts its handshake on a new connection: renew the socket
                ZMQ.Socket req = jeromq.createSocket(org.zeromq.SocketType.REQ);
                req.setPlainUsername("alice");
                req.setPlainPassword("s3cret");
                req.setReceiveTimeOut(2000);
                req.setLinger(0);
                req.connect(rep.lastEndpoint());
                req.send("from jeromq");
                dev.zmq.ZmqMessage request = rep.recv(Duration.ofSeconds(2));
                if (request != null) {
                    userId = request.property("User-Id");
                    rep.send("hello " + request.first().text());
                    answer = req.recvStr();
                }
                jeromq.destroySocket(req);
            }
            assertThat(answer).isEqualTo("hello from jeromq");
            assertThat(userId).as("the ZAP user id on the JeroMQ client's request").isEqualTo("alice");
        }
    }
}
