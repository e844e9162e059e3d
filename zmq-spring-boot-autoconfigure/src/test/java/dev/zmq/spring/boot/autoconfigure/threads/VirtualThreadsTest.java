package dev.zmq.spring.boot.autoconfigure.threads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs in its own surefire execution on the Temurin 25 JDK (see this module's pom): with
 * {@code spring.threads.virtual.enabled=true} the listener's workers are virtual threads; without it they are not.
 */
class VirtualThreadsTest {

    @Test
    void theVirtualThreadsSwitchMakesListenerWorkersVirtual() {
        assertThat(Runtime.version().feature()).as("this test must run on Java 21+").isGreaterThanOrEqualTo(21);
        ListenerThreads.runner().withPropertyValues("spring.threads.virtual.enabled=true")
                .run(ctx -> assertThat(ListenerThreads.handlingThreads(ctx)).allMatch(ListenerThreads::isVirtual));
        ListenerThreads.runner()
                .run(ctx -> assertThat(ListenerThreads.handlingThreads(ctx)).noneMatch(ListenerThreads::isVirtual));
    }
}
