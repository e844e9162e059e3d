package dev.zmq.sample;

import dev.zmq.ZmqContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class SampleApplicationTest {

    @Autowired
    ZmqContext context;

    @Test
    void startsAndMovesAMessage() {
        assertThat(SampleApplication.roundTrip(context)).startsWith("hello zmq via tcp://127.0.0.1:");
    }
}
