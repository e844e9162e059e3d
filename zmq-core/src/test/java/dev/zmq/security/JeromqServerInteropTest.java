package dev.zmq.security;

import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Our PLAIN and CURVE clients against JeroMQ 0.6.0 servers (the other role of the interop matrix). */
class JeromqServerInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final ZmqContext ctx = new ZmqContext();
    private final ZContext jeromq = new ZContext();

    @AfterEach
    void close() {
        ctx.close();
        jeromq.close();
    }

    /** A JeroMQ REP, configured by {@code security}, answering one request on a thread; its endpoint. */
    private String jeromqServer(Consumer<ZMQ.Socket> security, CompletableFuture<String> served) {
        ZMQ.Socket rep = jeromq.createSocket(org.zeromq.SocketType.REP);
        security.accept(rep);
        int port = rep.bindToRandomPort("tcp://127.0.0.1");
        rep.setReceiveTimeOut(20_000);
        Thread t = new Thread(() -> {
            String request = rep.recvStr();
            rep.send("jeromq got " + request);
            served.complete(request);
        });
        t.setDaemon(true);
        t.start();
        return "tcp://127.0.0.1:" + port;
    }

    @Test
    void ourPlainClientTalksToAJeromqPlainServer() throws Exception {
        CompletableFuture<String> served = new CompletableFuture<>();
        String endpoint = jeromqServer(rep -> rep.setPlainServer(true), served);
        ZmqSocket req = ctx.socket(SocketType.REQ).set(SocketOption.PLAIN_USERNAME, "alice")
                .set(SocketOption.PLAIN_PASSWORD, "s3cret").set(SocketOption.LINGER, Duration.ZERO);
        req.connect(endpoint);
        req.send("plain hello");
        assertThat(req.recv(WAIT)).isEqualTo(ZmqMessage.of("jeromq got plain hello"));
        assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo("plain hello");
    }

    @Test
    void ourCurveClientTalksToAJeromqCurveServer() throws Exception {
        String[] server = CurveMechanism.newKeyPair();
        CompletableFuture<String> served = new CompletableFuture<>();
        String endpoint = jeromqServer(rep -> {
            rep.setCurveServer(true);
            rep.setCurveSecretKey(Z85.decode(server[1]));
        }, served);
        ZmqSocket req = ctx.socket(SocketType.REQ).set(SocketOption.CURVE_SERVERKEY, Z85.decode(server[0]))
                .set(SocketOption.LINGER, Duration.ZERO);
        req.connect(endpoint);
        req.send("curve hello");
        assertThat(req.recv(WAIT)).isEqualTo(ZmqMessage.of("jeromq got curve hello"));
        assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo("curve hello");
    }
}
