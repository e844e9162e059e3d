package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.ZmqContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ZmqContextAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZmqContextAutoConfiguration.class));

    @Test
    void contextSizedByPropertyAndClosedOnShutdown() {
        ZmqContext[] seen = new ZmqContext[1];
        runner.withPropertyValues("zmq.io-threads=2").run(ctx -> {
            seen[0] = ctx.getBean(ZmqContext.class);
            assertThat(seen[0].ioThreads()).isEqualTo(2);
            assertThat(seen[0].isClosed()).isFalse();
        });
        assertThat(seen[0].isClosed()).isTrue();
    }

    @Test
    void invalidThreadCountFailsStartupNamingTheValue() {
        runner.withPropertyValues("zmq.io-threads=0").run(ctx ->
                assertThat(ctx).getFailure().hasRootCauseMessage("a context needs at least one I/O thread, got 0"));
    }

    @Test
    void userContextWins() {
        try (ZmqContext mine = new ZmqContext()) {
            runner.withBean(ZmqContext.class, () -> mine).run(ctx ->
                    assertThat(ctx.getBean(ZmqContext.class)).isSameAs(mine));
        }
    }
}
