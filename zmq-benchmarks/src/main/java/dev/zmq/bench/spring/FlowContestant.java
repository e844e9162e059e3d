package dev.zmq.bench.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;

import java.util.Objects;

/**
 * A contestant made of two Spring Integration flows, {@code outbound} (whose input channel the benchmark sends to)
 * and an inbound one ending in {@link #deliver}: the shape both Spring Integration contestants share.
 */
abstract class FlowContestant extends Contestant {

    private static @Nullable Contestant current;
    private final AnnotationConfigApplicationContext spring;
    private final MessageChannel out;

    /** Starts the flows of {@code config} with {@code bench.port} set to {@code port}. */
    FlowContestant(int port, Class<?> config) {
        current = this;
        System.setProperty("bench.port", Integer.toString(port));
        spring = new AnnotationConfigApplicationContext(config);
        out = spring.getBean("outbound.input", MessageChannel.class);
    }

    /** Called by the inbound flow's last handler. */
    static void deliver(String payload) {
        Objects.requireNonNull(current, "a contestant is running").handle(payload);
    }

    @Override
    void send(String payload) {
        out.send(MessageBuilder.withPayload(payload).build());
    }

    @Override
    public void close() {
        spring.close();
    }
}
