package dev.zmq.spring.boot.autoconfigure.threads;

import dev.zmq.spring.boot.autoconfigure.ZmqListenerContainerFactoryCustomizer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Listener threads on the project's Java 17 runtime: a customizer sets them; the virtual-threads switch is inert. */
class ListenerThreadsTest {

    /** A thread a customizer made. */
    static final class Marked extends Thread {
        Marked(Runnable r) {
            super(r);
        }
    }

    @Test
    void aCustomizerSetsTheThreadsListenersRunOn() {
        ListenerThreads.runner()
                .withBean(ZmqListenerContainerFactoryCustomizer.class, () -> f -> f.getContainerProperties().setThreadFactory(Marked::new))
                .run(ctx -> assertThat(ListenerThreads.handlingThreads(ctx)).allSatisfy(t -> {
                    assertThat(t).isInstanceOf(Marked.class);
                    assertThat(t.getName()).startsWith("zmq-threads-worker-");
                }));
    }

    @Test
    void onJava17TheVirtualThreadsSwitchChangesNothing() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 21,
                "this execution runs on the project's Java 17; VirtualThreadsTest covers Java 21+");
        ListenerThreads.runner().withPropertyValues("spring.threads.virtual.enabled=true")
                .run(ctx -> assertThat(ListenerThreads.handlingThreads(ctx)).noneMatch(ListenerThreads::isVirtual));
    }
}
