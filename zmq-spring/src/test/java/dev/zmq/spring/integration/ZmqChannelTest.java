package dev.zmq.spring.integration;

import dev.zmq.ZmqContext;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A channel's sockets are named after the channel, so their metrics keep one series across restarts. */
class ZmqChannelTest {

    private final ZmqContext context = new ZmqContext();
    private final ZmqMessageConverter converter = new ZmqMessageConverter(new JsonMapper());
    private final ZmqListenerContainerFactory factory = new ZmqListenerContainerFactory(context,
            new ZmqSocketRegistry(List.of()), converter);

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void aChannelWithoutANameRefusesToStartSayingWhy() {
        ZmqChannel unnamed = new ZmqChannel(context, factory, converter, false);
        assertThatThrownBy(unnamed::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a name");
    }

    @Test
    void aNamedChannelsSocketsCarryItsNameEveryTime() {
        for (int run = 0; run < 2; run++) {
            ZmqChannel orders = new ZmqChannel(context, factory, converter, false);
            orders.setComponentName("orders");
            orders.start();
            assertThat(context.sockets()).extracting(s -> s.name()).contains("orders-out", "orders-in")
                    .noneMatch(n -> n.contains("#"));
            orders.stop();
        }
    }
}
