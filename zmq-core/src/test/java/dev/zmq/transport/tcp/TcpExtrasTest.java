package dev.zmq.transport.tcp;

import dev.zmq.LibzmqScript;
import dev.zmq.SocketOption;
import dev.zmq.SocketOptions;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqSocket;
import dev.zmq.monitor.SocketEvent;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * tcp:// extras: IPv6 (our sockets and a libzmq peer, which needs its IPV6 option), interface names, keepalive,
 * CONNECT_TIMEOUT.
 */
class TcpExtrasTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final ZmqContext ctx = new ZmqContext();

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void bracketedAddressesBindConnectAndResolveTheEphemeralPort() {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind("tcp://[::1]:*");
        assertThat(pull.lastEndpoint()).matches("tcp://\\[::1]:\\d+");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.lastEndpoint());
        push.send("over ipv6");
        assertThat(pull.recv(WAIT).first().text()).isEqualTo("over ipv6");
    }

    @Test
    void anInterfaceNameBindsToItsAddress() {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind("tcp://lo:*");
        assertThat(pull.lastEndpoint()).matches("tcp://127\\.0\\.0\\.1:\\d+");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.lastEndpoint());
        push.send("via lo");
        assertThat(pull.recv(WAIT).first().text()).isEqualTo("via lo");
    }

    @Test
    void keepaliveOptionsReachTheConnection() throws Exception {
        SocketOptions options = new SocketOptions().set(SocketOption.TCP_KEEPALIVE, 1)
                .set(SocketOption.TCP_KEEPALIVE_IDLE, Duration.ofSeconds(30))
                .set(SocketOption.TCP_KEEPALIVE_INTVL, Duration.ofSeconds(5)).set(SocketOption.TCP_KEEPALIVE_CNT, 4);
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             SocketChannel ch = SocketChannel.open(server.getLocalAddress())) {
            new TcpTransport().configure(ch, options);
            assertThat(ch.getOption(StandardSocketOptions.SO_KEEPALIVE)).isTrue();
            assertThat(ch.getOption(StandardSocketOptions.TCP_NODELAY)).isTrue();
            assertThat(ch.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).isEqualTo(30);
            assertThat(ch.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL)).isEqualTo(5);
            assertThat(ch.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT)).isEqualTo(4);
            new TcpTransport().configure(ch, new SocketOptions().set(SocketOption.TCP_KEEPALIVE, 0));
            assertThat(ch.getOption(StandardSocketOptions.SO_KEEPALIVE)).isFalse();
        }
    }

    @Test
    void ipv6TextIsCompressedAsRfc5952Says() {
        assertThat(TcpTransport.compress("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(TcpTransport.compress("fe80:0:0:0:1:0:0:2%1")).isEqualTo("fe80::1:0:0:2%1");
        assertThat(TcpTransport.compress("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(TcpTransport.compress("0:0:0:0:0:0:0:0")).isEqualTo("::");
    }

    @Test
    void aLibzmqPeerTalksToUsOverIpv6() throws Exception {
        ZmqSocket rep = ctx.socket(SocketType.REP);
        rep.bind("tcp://[::1]:*");
        Thread echo = new Thread(() -> {
            try {
                rep.send(rep.recv(WAIT).first().text() + " back");
            } catch (ZmqException | NullPointerException e) {
                // the assertion below reports it
            }
        });
        echo.setDaemon(true);
        echo.start();
        String out = LibzmqScript.finish(LibzmqScript.start("""
                import sys, zmq
                s = zmq.Context().socket(zmq.REQ); s.ipv6 = True; s.setsockopt(zmq.RCVTIMEO, 15000)
                s.connect(sys.argv[1]); s.send(b"v6"); print(s.recv().decode())
                """, rep.lastEndpoint()));
        assertThat(out).isEqualTo("v6 back");
    }

    @Test
    void connectTimeoutAbandonsAnAttemptThatHangsAndRetries() throws Exception {
        // a listener whose accept queue is full: the kernel drops further SYNs, so a connect neither succeeds nor fails
        try (ServerSocketChannel full = ServerSocketChannel.open()) {
            full.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            InetSocketAddress address = (InetSocketAddress) full.getLocalAddress();
            List<Socket> fillers = new ArrayList<>();
            try {
                boolean hanging = false;
                while (!hanging && fillers.size() < 16) {
                    Socket filler = new Socket();
                    fillers.add(filler);
                    try {
                        filler.connect(address, 500);
                    } catch (SocketTimeoutException e) {
                        hanging = true;
                    }
                }
                assertThat(hanging).as("the accept queue filled up").isTrue();
                ZmqSocket push = ctx.socket(SocketType.PUSH);
                push.set(SocketOption.CONNECT_TIMEOUT, Duration.ofMillis(200));
                push.set(SocketOption.RECONNECT_IVL, Duration.ofMillis(50));
                List<SocketEvent> events = new CopyOnWriteArrayList<>();
                push.addMonitor(events::add);
                push.connect("tcp://127.0.0.1:" + address.getPort());
                await().atMost(WAIT).until(() -> events.stream().filter(e ->
                        e.detail().contains("connect timed out after 200 ms (CONNECT_TIMEOUT)")).count() >= 2);
            } finally {
                for (Socket f : fillers) {
                    f.close();
                }
            }
        }
    }
}
