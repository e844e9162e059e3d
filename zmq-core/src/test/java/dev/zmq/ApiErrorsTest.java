package dev.zmq;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every mistake a user can make gets a ZmqException with a code and a message naming what was wrong. */
class ApiErrorsTest {

    private final ZmqContext ctx = new ZmqContext();

    @AfterEach
    void close() {
        ctx.close();
    }

    private static void assertError(Runnable call, ErrorCode code, String message) {
        assertThatThrownBy(call::run).isInstanceOf(ZmqException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((ZmqException) e).code()).isEqualTo(code));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "127.0.0.1:5555           | expected transport://address",
        "tcp://                   | expected transport://address",
        "tcp://localhost          | expected host:port",
        "tcp://localhost:http     | port 'http' is not a number",
        "tcp://127.0.0.1:70000    | port 70000 is out of range",
        "tcp://*:5555             | '*' is only allowed when binding",
        "tcp://:5555              | the host is empty"})
    void malformedConnectEndpoints(String endpoint, String why) {
        ZmqSocket s = ctx.socket(SocketType.PUSH);
        assertError(() -> s.connect(endpoint), ErrorCode.EINVAL, why);
    }

    @Test
    void unknownTransport() {
        ZmqSocket s = ctx.socket(SocketType.PUSH);
        assertError(() -> s.bind("pgm://eth0;239.0.0.1:5555"), ErrorCode.EPROTONOSUPPORT,
                "unsupported transport 'pgm' in endpoint 'pgm://eth0;239.0.0.1:5555' (supported: inproc, ipc, tcp, udp)");
    }

    @Test
    void addressInUseNamesTheEndpoint() {
        ZmqSocket a = ctx.socket(SocketType.PULL);
        a.bind("tcp://127.0.0.1:*");
        ZmqSocket b = ctx.socket(SocketType.PULL);
        assertError(() -> b.bind(a.lastEndpoint()), ErrorCode.EADDRINUSE, "PULL#2: cannot bind " + a.lastEndpoint());
    }

    @Test
    void unbindAndDisconnectOfUnknownEndpoints() {
        ZmqSocket s = ctx.socket(SocketType.PULL);
        assertError(() -> s.unbind("tcp://127.0.0.1:1"), ErrorCode.ENOENT, "tcp://127.0.0.1:1 is not bound");
        assertError(() -> s.disconnect("tcp://127.0.0.1:1"), ErrorCode.ENOENT, "tcp://127.0.0.1:1 is not connected");
    }

    @Test
    void operationsTheTypeLacks() {
        assertError(() -> ctx.socket(SocketType.PUB).recv(ZmqSocket.DONTWAIT), ErrorCode.ENOTSUP,
                "PUB sockets cannot receive");
        assertError(() -> ctx.socket(SocketType.PULL).send("x"), ErrorCode.ENOTSUP, "PULL sockets cannot send");
        assertError(() -> ctx.socket(SocketType.PUSH).subscribe("x"), ErrorCode.ENOTSUP,
                "only SUB and XSUB sockets subscribe");
    }

    @Test
    void unknownSocketTypeName() {
        assertError(() -> SocketType.fromName("ROUTERR"), ErrorCode.EINVAL, "unknown socket type 'ROUTERR' (known: PAIR");
        assertThat(SocketType.fromName(" xpub ")).isEqualTo(SocketType.XPUB);
    }

    @Test
    void badOptionValues() {
        ZmqSocket s = ctx.socket(SocketType.PUSH);
        assertError(() -> s.set(SocketOption.SNDHWM, -1), ErrorCode.EINVAL, "invalid value for option SNDHWM: -1");
        assertError(() -> s.set(SocketOption.RECONNECT_IVL, Duration.ofMillis(-5)), ErrorCode.EINVAL,
                "invalid value for option RECONNECT_IVL");
        assertError(() -> s.set(SocketOption.ROUTING_ID, new byte[] {0, 1}), ErrorCode.EINVAL,
                "invalid value for option ROUTING_ID: 2 bytes");
    }

    @Test
    void closedSocketsAndContexts() {
        ZmqSocket s = ctx.socket(SocketType.PUSH);
        s.close();
        assertError(() -> s.send("x"), ErrorCode.ETERM, "PUSH#1 is closed");
        ctx.close();
        assertError(() -> ctx.socket(SocketType.PUSH), ErrorCode.ETERM, "the context is closed");
    }

    @Test
    void timeoutsAreEagain() {
        ZmqSocket pull = ctx.socket(SocketType.PULL).set(SocketOption.RCVTIMEO, Duration.ofMillis(10));
        assertError(pull::recv, ErrorCode.EAGAIN, "receive timed out after 10 ms");
        assertThat(pull.recv(ZmqSocket.DONTWAIT)).isNull();
    }
}
