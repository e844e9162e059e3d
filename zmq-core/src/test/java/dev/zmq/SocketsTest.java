package dev.zmq;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SocketsTest {

    private final ZmqContext ctx = new ZmqContext();

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void pushPullOverTcp() {
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind("tcp://127.0.0.1:*");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.lastEndpoint());
        push.send(ZmqMessage.of("a", "b", "c"));
        ZmqMessage m = pull.recv(Duration.ofSeconds(10));
        assertThat(m).isEqualTo(ZmqMessage.of("a", "b", "c"));
    }
}
