package dev.zmq.spring.test;

import dev.zmq.ZmqContext;
import dev.zmq.spring.boot.autoconfigure.ZmqContextAutoConfiguration;
import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.List;

/**
 * What {@link AutoConfigureZmqTest} adds to a test's application: the inproc endpoints (unless
 * {@code zmq.test.inproc=false}), the recording of listener calls, and the {@link ZmqTestHarness}.
 */
@AutoConfiguration(after = ZmqContextAutoConfiguration.class)
public class ZmqTestAutoConfiguration {

    /** Moves every endpoint to inproc. */
    @Bean
    @ConditionalOnProperty(name = "zmq.test.inproc", havingValue = "true", matchIfMissing = true)
    static InprocSockets zmqTestInprocSockets() {
        return new InprocSockets();
    }

    /** Records every call of a {@code @ZmqListener} method. */
    @Bean
    static ListenerInvocations zmqTestListenerInvocations() {
        return new ListenerInvocations();
    }

    /** The harness, bounded by {@code zmq.test.timeout} (10 s). */
    @Bean
    ZmqTestHarness zmqTestHarness(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter,
                                  ListenerInvocations invocations,
                                  @Value("${zmq.test.timeout:10s}") Duration timeout,
                                  ObjectProvider<ZmqListenerEndpointRegistry> registry) {
        return new ZmqTestHarness(context, sockets, converter, invocations, timeout, () -> {
            ZmqListenerEndpointRegistry r = registry.getIfAvailable();
            return r == null ? List.of() : r.getListenerContainers();
        });
    }
}
