package dev.zmq.sample.front;

import dev.zmq.sample.Price;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.integration.dsl.Zmq;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.dsl.IntegrationFlow;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Spring Integration part: a flow from a SUB inbound adapter on the ticker through a filter to a counter of
 * ticks per symbol. Thread-safe.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!worker")
public class TickStatistics {

    private final Map<String, LongAdder> ticks = new ConcurrentHashMap<>();

    /** Ticks counted per symbol. */
    public Map<String, Long> ticksBySymbol() {
        Map<String, Long> out = new TreeMap<>();
        ticks.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Bean
    IntegrationFlow tickCounting(ZmqListenerContainerFactory factory, ZmqSocketRegistry sockets,
                                 ZmqMessageConverter converter) {
        return IntegrationFlow.from(Zmq.inboundAdapter(factory, sockets.get("tick-audit"), converter)
                        .payloadType(Price.class).id("tickAudit"))
                .<Price>filter(p -> p.price() > 0)
                .handle(Price.class, (p, headers) -> {
                    ticks.computeIfAbsent(p.symbol(), k -> new LongAdder()).increment();
                    return null;
                })
                .get();
    }
}
