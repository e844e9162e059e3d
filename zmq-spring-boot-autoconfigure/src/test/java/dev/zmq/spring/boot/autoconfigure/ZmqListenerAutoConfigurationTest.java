package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.annotation.EnableZmq;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.listener.ZmqErrorHandler;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Scope;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every condition of the context, sockets and listener auto-configurations. */
class ZmqListenerAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZmqContextAutoConfiguration.class,
                    ZmqListenerAutoConfiguration.class));

    @Test
    void providesEveryBeanWithDefaults() {
        runner.run(ctx -> {
            assertThat(ctx).hasSingleBean(ZmqContext.class).hasSingleBean(ZmqSocketRegistry.class)
                    .hasSingleBean(ZmqMessageConverter.class).hasSingleBean(ZmqTemplate.class)
                    .hasSingleBean(ZmqListenerEndpointRegistry.class).hasBean("zmqListenerContainerFactory");
            assertThat(ctx.getBean(ZmqSocketRegistry.class).names()).isEmpty();
        });
    }

    @Test
    void namedSocketsKeepTheirOrderAndMergeDefaults() {
        runner.withPropertyValues("zmq.defaults.send-hwm=50", "zmq.sockets.b.type=push",
                "zmq.sockets.b.connect=tcp://127.0.0.1:5555", "zmq.sockets.b.receive-hwm=7", "zmq.sockets.b.swap=1MB",
                "zmq.sockets.a.type=SUB", "zmq.sockets.a.connect=inproc://feed", "zmq.sockets.a.topics=x,y")
                .run(ctx -> {
                    ZmqSocketRegistry sockets = ctx.getBean(ZmqSocketRegistry.class);
                    assertThat(sockets.names()).containsExactly("b", "a");
                    assertThat(sockets.get("a").topics()).containsExactly("x", "y");
                    assertThat(sockets.get("b").options()).extracting(o -> o.option().name() + "=" + o.value())
                            .containsExactly("SNDHWM=50", "RCVHWM=7", "SWAP=1048576");
                });
    }

    @Test
    void backsOffForTheApplicationsOwnBeans() {
        ZmqMessageConverter converter = new ZmqMessageConverter(new JsonMapper());
        ZmqSocketRegistry sockets = new ZmqSocketRegistry(List.of());
        runner.withBean(ZmqMessageConverter.class, () -> converter)
                .withBean(ZmqSocketRegistry.class, () -> sockets)
                .withUserConfiguration(OwnTemplateAndFactory.class)
                .run(ctx -> {
                    assertThat(ctx.getBean(ZmqMessageConverter.class)).isSameAs(converter);
                    assertThat(ctx.getBean(ZmqSocketRegistry.class)).isSameAs(sockets);
                    assertThat(ctx.getBean(ZmqTemplate.class)).isSameAs(ctx.getBean(OwnTemplateAndFactory.class).template);
                    assertThat(ctx.getBean("zmqListenerContainerFactory"))
                            .isSameAs(ctx.getBean(OwnTemplateAndFactory.class).factory);
                });
    }

    @Test
    void anApplicationThatEnablesZmqItselfGetsOneRegistry() {
        runner.withUserConfiguration(EnabledByTheApplication.class)
                .run(ctx -> assertThat(ctx).hasSingleBean(ZmqListenerEndpointRegistry.class));
    }

    @Test
    void aSingleErrorHandlerBeanBecomesTheDefault() {
        ZmqErrorHandler handler = (id, message, error) -> "handled";
        runner.withBean(ZmqErrorHandler.class, () -> handler).withUserConfiguration(RepListener.class)
                .withPropertyValues("zmq.listener.concurrency=3")
                .run(ctx -> {
                    var container = ctx.getBean(ZmqListenerEndpointRegistry.class).getListenerContainer("rep");
                    assertThat(container.getConcurrency()).isEqualTo(3);
                    assertThat(container.isRunning()).isTrue();
                });
    }

    @Test
    void anUnknownTypeFailsNamingTheProperty() {
        runner.withPropertyValues("zmq.sockets.orders.type=FOO", "zmq.sockets.orders.bind=tcp://*:5555")
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                        .hasMessageContaining("zmq.sockets.orders.type").hasMessageContaining("FOO")
                        .hasMessageContaining("unknown socket type"));
    }

    @Test
    void aBadEndpointFailsNamingThePropertyAndIndex() {
        runner.withPropertyValues("zmq.sockets.orders.type=PUSH", "zmq.sockets.orders.connect=tcp://ok:1,tcp://nohost")
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessageContaining("zmq.sockets.orders.connect[1]").hasMessageContaining("tcp://nohost"));
        runner.withPropertyValues("zmq.sockets.orders.type=PUSH", "zmq.sockets.orders.bind=udpx://x")
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessageContaining("zmq.sockets.orders.bind[0]").hasMessageContaining("unsupported transport"));
    }

    @Test
    void aSocketWithoutEndpointsOrTypeFails() {
        runner.withPropertyValues("zmq.sockets.lonely.type=PUSH").run(ctx -> assertThat(ctx).getFailure().rootCause()
                .hasMessageContaining("zmq.sockets.lonely.bind").hasMessageContaining("at least one bind or connect"));
        runner.withPropertyValues("zmq.sockets.untyped.bind=inproc://x").run(ctx -> assertThat(ctx).getFailure()
                .rootCause().hasMessageContaining("zmq.sockets.untyped.type"));
    }

    @Test
    void subWithoutTopicsFailsOnlyWhenTopicsAreRequired() {
        runner.withPropertyValues("zmq.sockets.feed.type=SUB", "zmq.sockets.feed.connect=inproc://feed",
                "zmq.sockets.feed.require-topics=true").run(ctx -> assertThat(ctx).getFailure().rootCause()
                .hasMessageContaining("zmq.sockets.feed.topics").hasMessageContaining("would receive nothing"));
        runner.withPropertyValues("zmq.sockets.feed.type=SUB", "zmq.sockets.feed.connect=inproc://feed")
                .run(ctx -> assertThat(ctx).hasNotFailed());
        runner.withPropertyValues("zmq.sockets.out.type=PUSH", "zmq.sockets.out.connect=inproc://feed",
                "zmq.sockets.out.topics=a").run(ctx -> assertThat(ctx).getFailure().rootCause()
                .hasMessageContaining("only SUB and XSUB sockets subscribe"));
    }

    @Test
    void aBadOptionValueFailsNamingTheProperty() {
        runner.withPropertyValues("zmq.defaults.send-hwm=-1").run(ctx -> assertThat(ctx).getFailure().rootCause()
                .hasMessageContaining("zmq.defaults.send-hwm").hasMessageContaining("-1"));
    }

    @Test
    void lazyAndPrototypeBeansGetTheirListenersWhenTheyAreCreated() {
        runner.withUserConfiguration(LateBeans.class).run(ctx -> {
            ZmqListenerEndpointRegistry registry = ctx.getBean(ZmqListenerEndpointRegistry.class);
            assertThat(registry.getListenerContainerIds()).doesNotContain("lazy", "proto");
            LazyListener lazy = ctx.getBean(LazyListener.class);
            assertThat(registry.getListenerContainer("lazy").isRunning()).isTrue();
            ZmqSocket push = ctx.getBean(ZmqContext.class).socket(SocketType.PUSH);
            push.connect("inproc://lazy");
            push.send("hello lazy");
            await().atMost(Duration.ofSeconds(10)).until(() -> lazy.received.contains("hello lazy"));
            ctx.getBean(ProtoListener.class);
            ctx.getBean(ProtoListener.class);
            assertThat(registry.getListenerContainerIds()).contains("proto", "proto-2");
            assertThat(registry.getListenerContainer("proto-2").isRunning()).isTrue();
        });
    }

    @Test
    void aListenerThatCannotWorkFailsStartupNamingTheMethod() {
        runner.withUserConfiguration(PullReturningAValue.class).run(ctx -> assertThat(ctx).getFailure()
                .hasMessageContaining("PullReturningAValue.handle")
                .hasMessageContaining("returns a value but its PULL socket cannot reply"));
        runner.withUserConfiguration(UnknownSocket.class).run(ctx -> assertThat(ctx).getFailure()
                .hasMessageContaining("no socket named 'nope' under zmq.sockets"));
        runner.withUserConfiguration(DishReturningAValue.class).run(ctx -> assertThat(ctx).getFailure()
                .hasMessageContaining("DishReturningAValue.handle")
                .hasMessageContaining("returns a value but its DISH socket cannot reply"));
        runner.withUserConfiguration(GatherReturningAValue.class).run(ctx -> assertThat(ctx).getFailure()
                .hasMessageContaining("GatherReturningAValue.handle")
                .hasMessageContaining("returns a value but its GATHER socket cannot reply"));
    }

    @Test
    void plainSecurityFromPropertiesLetsOnlyKnownUsersThrough(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path passwords = dir.resolve("users");
        java.nio.file.Files.writeString(passwords, "app=s3cret\n");
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String endpoint = "tcp://127.0.0.1:" + port;
        runner.withUserConfiguration(SecuredEcho.class).withPropertyValues(
                "zmq.zap.plain-password-file=" + passwords,
                "zmq.sockets.secured.type=REP", "zmq.sockets.secured.bind=" + endpoint,
                "zmq.sockets.secured.plain.server=true", "zmq.sockets.secured.zap-domain=test",
                "zmq.sockets.good.type=REQ", "zmq.sockets.good.connect=" + endpoint,
                "zmq.sockets.good.plain.username=app", "zmq.sockets.good.plain.password=s3cret",
                "zmq.sockets.bad.type=REQ", "zmq.sockets.bad.connect=" + endpoint, "zmq.sockets.bad.linger=0s",
                "zmq.sockets.bad.plain.username=app", "zmq.sockets.bad.plain.password=guess").run(ctx -> {
                    ZmqTemplate template = ctx.getBean(ZmqTemplate.class);
                    java.time.Duration wait = java.time.Duration.ofSeconds(20);
                    assertThat(template.sendAndReceive("good", "hi", String.class, wait)).isEqualTo("hi");
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> template.sendAndReceive("bad", "hi",
                            java.time.Duration.ofMillis(500))).hasMessageContaining("no reply on socket 'bad'");
                });
    }

    @Test
    void curveKeysFromPropertiesSecureARequestReply() throws Exception {
        String[] server = dev.zmq.security.CurveMechanism.newKeyPair();
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String endpoint = "tcp://127.0.0.1:" + port;
        runner.withUserConfiguration(SecuredEcho.class).withPropertyValues(
                "zmq.sockets.secured.type=REP", "zmq.sockets.secured.bind=" + endpoint,
                "zmq.sockets.secured.curve.server=true", "zmq.sockets.secured.curve.secret-key=" + server[1],
                "zmq.sockets.good.type=REQ", "zmq.sockets.good.connect=" + endpoint,
                "zmq.sockets.good.curve.server-key=" + server[0]).run(ctx -> {
                    ZmqTemplate template = ctx.getBean(ZmqTemplate.class);
                    assertThat(template.sendAndReceive("good", "sealed", String.class,
                            java.time.Duration.ofSeconds(20))).isEqualTo("sealed");
                });
        runner.withPropertyValues("zmq.sockets.x.type=REP", "zmq.sockets.x.bind=" + endpoint,
                "zmq.sockets.x.curve.server=true", "zmq.sockets.x.curve.secret-key=short").run(ctx -> assertThat(ctx)
                .getFailure().rootCause().hasMessageContaining("zmq.sockets.x.curve.secret-key")
                .hasMessageNotContaining("short"));
    }

    @Test
    void aTooLongPasswordFailsWithoutShowingIt() {
        runner.withPropertyValues("zmq.sockets.x.type=REQ", "zmq.sockets.x.connect=tcp://127.0.0.1:1",
                "zmq.sockets.x.plain.username=u", "zmq.sockets.x.plain.password=" + "p".repeat(300))
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessageContaining("zmq.sockets.x.plain.password").hasMessageContaining("(hidden)")
                        .hasMessageNotContaining("ppppp"));
    }

    @Configuration(proxyBeanMethods = false)
    static class SecuredEcho {
        @ZmqListener(socket = "secured")
        String echo(String in) {
            return in;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTemplateAndFactory {
        final ZmqTemplate template;
        final ZmqListenerContainerFactory factory;

        OwnTemplateAndFactory(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
            this.template = new ZmqTemplate(context, sockets, converter);
            this.factory = new ZmqListenerContainerFactory(context, sockets, converter);
        }

        @Bean
        ZmqTemplate myTemplate() {
            return template;
        }

        @Bean
        ZmqListenerContainerFactory zmqListenerContainerFactory() {
            return factory;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableZmq
    static class EnabledByTheApplication {
    }

    @Configuration(proxyBeanMethods = false)
    static class RepListener {
        @ZmqListener(id = "rep", type = "REP", bind = "inproc://rep-auto")
        String echo(String in) {
            return in;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PullReturningAValue {
        @ZmqListener(type = "PULL", bind = "inproc://pull-returning")
        String handle(String in) {
            return in;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DishReturningAValue {
        @ZmqListener(type = "DISH", bind = "inproc://dish-returning", topics = "g")
        String handle(String in) {
            return in;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class GatherReturningAValue {
        @ZmqListener(type = "GATHER", bind = "inproc://gather-returning")
        String handle(String in) {
            return in;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LateBeans {
        @Bean
        @Lazy
        LazyListener lazyListener() {
            return new LazyListener();
        }

        @Bean
        @Scope("prototype")
        ProtoListener protoListener() {
            return new ProtoListener();
        }
    }

    static class LazyListener {
        final List<String> received = new CopyOnWriteArrayList<>();

        @ZmqListener(id = "lazy", type = "PULL", bind = "inproc://lazy")
        void on(String text) {
            received.add(text);
        }
    }

    static class ProtoListener {
        @ZmqListener(id = "proto", type = "PULL", connect = "inproc://proto")
        void on(String text) {
            // registration is what is checked
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UnknownSocket {
        @ZmqListener(socket = "nope")
        void handle(String in) {
        }
    }
}
