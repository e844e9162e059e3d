package dev.zmq.spring.test.reference;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.test.AutoConfigureZmqTest;
import dev.zmq.spring.test.ZmqTestHarness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The testing page's test over real TCP on a port the system chooses. */
// tag::random-ports[]
@SpringBootTest(classes = OrderIntakeApplication.class, properties = {
        "zmq.test.inproc=false",                                      // keep the real transports
        "zmq.sockets.order-intake.type=PULL",
        "zmq.sockets.order-intake.bind=tcp://127.0.0.1:*"})           // a free port, chosen at bind
@AutoConfigureZmqTest
class ReferenceRandomPortsTest {

    @Autowired
    ZmqTestHarness harness;
    @Autowired
    ZmqContext context;

    @Test
    void ordersArriveOverTcp() {
        String endpoint = harness.boundEndpoint("order-intake");     // e.g. tcp://127.0.0.1:40517
        try (ZmqSocket push = context.socket(SocketType.PUSH)) {
            push.connect(endpoint);
            push.send(ZmqMessage.of("{\"item\":\"tea\",\"quantity\":3}"));
            assertThat(harness.awaitInvocation("order-intake").argument(Order.class))
                    .isEqualTo(new Order("tea", 3));
        }
        assertThat(endpoint).startsWith("tcp://127.0.0.1:").doesNotEndWith(":*");
    }
}
// end::random-ports[]
