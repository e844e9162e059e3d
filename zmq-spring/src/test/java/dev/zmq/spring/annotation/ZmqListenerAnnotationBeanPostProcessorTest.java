package dev.zmq.spring.annotation;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.listener.MessageListenerContainer;
import dev.zmq.spring.listener.ZmqListenerContainer;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.support.ZmqSocketRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link ZmqListenerAnnotationBeanPostProcessor} in a real {@link AnnotationConfigApplicationContext} with
 * {@link EnableZmq}: ids default to {@code beanName.methodName}; {@code ${...}} placeholders and {@code #{...}} SpEL
 * resolve in attributes; a {@code @Lazy} bean's listener is registered (and started, the registry running) when the
 * bean is created, a prototype bean's further instances get {@code -2}, {@code -3}; {@code containerFactory} picks
 * another factory bean; messages sent to inline sockets reach the methods over inproc; a listener that cannot work
 * fails the refresh naming the method.
 */
class ZmqListenerAnnotationBeanPostProcessorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private AnnotationConfigApplicationContext ctx;
    private final List<ZmqSocket> sockets = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        sockets.forEach(ZmqSocket::close);
        if (ctx != null) {
            ctx.close();
        }
    }

    /** Refreshes a context with the ZeroMQ infrastructure, {@code properties} and the {@code listeners} classes. */
    private AnnotationConfigApplicationContext start(Map<String, Object> properties, Class<?>... listeners) {
        ctx = new AnnotationConfigApplicationContext();
        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        ctx.register(Infrastructure.class);
        ctx.register(listeners);
        ctx.refresh();
        return ctx;
    }

    private ZmqListenerEndpointRegistry registry() {
        return ctx.getBean(ZmqListenerEndpointRegistry.class);
    }

    private ZmqSocket socket(SocketType type, String connect) {
        ZmqSocket s = ctx.getBean(ZmqContext.class).socket(type);
        sockets.add(s);
        s.connect(connect);
        return s;
    }

    @Test
    void enableZmqRegistersTheProcessorAndTheRegistry() {
        start(Map.of(), Echo.class);

        assertThat(ctx.getBean(ZmqListenerConfigurationRegistrar.PROCESSOR))
                .isInstanceOf(ZmqListenerAnnotationBeanPostProcessor.class);
        assertThat(ctx.getBean(ZmqListenerConfigurationRegistrar.REGISTRY)).isSameAs(registry());
        assertThat(registry().isRunning()).isTrue();
    }

    @Test
    void aMessageSentToTheInlineSocketReachesTheMethodAndItsReturnValueIsTheReply() {
        start(Map.of(), Echo.class, Collector.class);
        ZmqSocket req = socket(SocketType.REQ, "inproc://bpp-echo");
        ZmqSocket push = socket(SocketType.PUSH, "inproc://bpp-collect");

        req.send("hello");
        push.send("pushed");

        assertThat(req.recv(WAIT)).isEqualTo(ZmqMessage.of("echo:hello"));
        Collector collector = ctx.getBean(Collector.class);
        await().atMost(WAIT).until(() -> collector.received.contains("pushed"));
    }

    @Test
    void listenerIdsDefaultToBeanNameDotMethodName() {
        start(Map.of(), Echo.class);

        String beanName = ctx.getBeanNamesForType(Echo.class)[0];
        assertThat(registry().getListenerContainerIds()).containsExactly(beanName + ".echo");
        assertThat(registry().getListenerContainer(beanName + ".echo").isRunning()).isTrue();
    }

    @Test
    void placeholdersAndSpelResolveInAttributes() {
        start(Map.of("bpp.id", "resolved", "bpp.endpoint", "inproc://bpp-resolved", "bpp.concurrency", "2"),
                Resolved.class);

        MessageListenerContainer c = registry().getListenerContainer("resolved-listener");
        assertThat(c).as("id from a placeholder and SpEL").isNotNull();
        assertThat(c.getSocketSpec().type()).as("type from SpEL").isEqualTo(SocketType.PULL);
        assertThat(c.getSocketSpec().bind()).as("bind from a placeholder").containsExactly("inproc://bpp-resolved");
        assertThat(c.getConcurrency()).as("a setting from SpEL over a placeholder").isEqualTo(3);
        assertThat(((ZmqListenerContainer) c).getContainerProperties().isAutoStartup()).isTrue();

        socket(SocketType.PUSH, "inproc://bpp-resolved").send("over the resolved socket");
        Resolved bean = ctx.getBean(Resolved.class);
        await().atMost(WAIT).until(() -> bean.received.contains("over the resolved socket"));
    }

    @Test
    void aLazyBeansListenerIsRegisteredWhenTheBeanIsCreatedAndStartedAsTheRegistryRuns() {
        start(Map.of(), LateBeans.class);
        assertThat(registry().getListenerContainerIds()).doesNotContain("lazy");

        LazyListener lazy = ctx.getBean(LazyListener.class);

        MessageListenerContainer c = registry().getListenerContainer("lazy");
        assertThat(c).isNotNull();
        assertThat(c.isRunning()).isTrue();
        socket(SocketType.PUSH, "inproc://bpp-lazy").send("late");
        await().atMost(WAIT).until(() -> lazy.received.contains("late"));
    }

    @Test
    void aPrototypeBeansFurtherInstancesGetNumberedIds() {
        start(Map.of(), LateBeans.class);
        assertThat(registry().getListenerContainerIds()).doesNotContain("proto");

        ProtoListener first = ctx.getBean(ProtoListener.class);
        ProtoListener second = ctx.getBean(ProtoListener.class);
        ctx.getBean(ProtoListener.class);

        assertThat(first).isNotSameAs(second);
        assertThat(registry().getListenerContainerIds()).contains("proto", "proto-2", "proto-3");
        assertThat(registry().getListenerContainer("proto-2").isRunning()).isTrue();
    }

    @Test
    void containerFactoryPicksAnotherFactoryBean() {
        start(Map.of(), TwoFactories.class);

        assertThat(registry().getListenerContainer("default-factory").getConcurrency()).isEqualTo(1);
        MessageListenerContainer other = registry().getListenerContainer("other-factory");
        assertThat(other.getConcurrency()).as("the other factory's defaults").isEqualTo(4);
        assertThat(other.isRunning()).as("the other factory's autoStartup=false").isFalse();
    }

    @Test
    void aListenerThatCannotWorkFailsTheRefreshNamingTheMethod() {
        assertThatThrownBy(() -> start(Map.of(), PullReturningAValue.class))
                .hasMessageContaining("PullReturningAValue.handle")
                .hasMessageContaining("returns a value but its PULL socket cannot reply");
    }

    @Test
    void aPropagationThatIsNeitherTrueNorFalseFailsTheRefreshNamingIt() {
        assertThatThrownBy(() -> start(Map.of(), PropagationTypo.class))
                .hasMessageContaining("PropagationTypo.handle")
                .hasMessageContaining("propagation must be true or false, got 'ture'");
    }

    @Test
    void aContainerFactoryThatDoesNotExistFailsTheRefresh() {
        assertThatThrownBy(() -> start(Map.of(), MissingFactory.class))
                .hasStackTraceContaining("noSuchFactory");
    }

    @Test
    void aLazyBeanWhoseListenerCannotWorkFailsItsCreation() {
        start(Map.of(), LazyBroken.class);

        assertThatThrownBy(() -> ctx.getBean(BrokenListener.class)).isInstanceOf(BeanCreationException.class)
                .hasMessageContaining("BrokenListener.handle");
    }

    /** What {@code @EnableZmq} needs around it: context, sockets, converter, template, the default factory. */
    @Configuration(proxyBeanMethods = false)
    @EnableZmq
    static class Infrastructure {

        @Bean(destroyMethod = "close")
        ZmqContext zmqContext() {
            return new ZmqContext();
        }

        @Bean
        ZmqSocketRegistry zmqSocketRegistry() {
            return new ZmqSocketRegistry(List.of());
        }

        @Bean
        ZmqMessageConverter zmqMessageConverter() {
            return new ZmqMessageConverter(new JsonMapper());
        }

        @Bean
        ZmqTemplate zmqTemplate(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
            return new ZmqTemplate(context, sockets, converter);
        }

        @Bean
        ZmqListenerContainerFactory zmqListenerContainerFactory(ZmqContext context, ZmqSocketRegistry sockets,
                                                                ZmqMessageConverter converter, ZmqTemplate template) {
            ZmqListenerContainerFactory factory = new ZmqListenerContainerFactory(context, sockets, converter);
            factory.setTemplate(template);
            factory.getContainerProperties().setShutdownTimeout(WAIT);
            return factory;
        }
    }

    static class Echo {
        @ZmqListener(type = "REP", bind = "inproc://bpp-echo")
        String echo(String in) {
            return "echo:" + in;
        }
    }

    static class Collector {
        final List<String> received = new CopyOnWriteArrayList<>();

        @ZmqListener(id = "collector", type = "PULL", bind = "inproc://bpp-collect")
        void collect(String in) {
            received.add(in);
        }
    }

    static class Resolved {
        final List<String> received = new CopyOnWriteArrayList<>();

        @ZmqListener(id = "${bpp.id}#{'-listener'}", type = "#{'PU' + 'LL'}", bind = "${bpp.endpoint}",
                concurrency = "#{${bpp.concurrency} + 1}", autoStartup = "#{true}")
        void on(String in) {
            received.add(in);
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

        @ZmqListener(id = "lazy", type = "PULL", bind = "inproc://bpp-lazy")
        void on(String in) {
            received.add(in);
        }
    }

    static class ProtoListener {
        @ZmqListener(id = "proto", type = "PULL", connect = "inproc://bpp-proto")
        void on(String in) {
            // registration is what is checked
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoFactories {
        @Bean
        ZmqListenerContainerFactory otherFactory(ZmqContext context, ZmqSocketRegistry sockets,
                                                 ZmqMessageConverter converter) {
            ZmqListenerContainerFactory factory = new ZmqListenerContainerFactory(context, sockets, converter);
            factory.getContainerProperties().setConcurrency(4);
            factory.getContainerProperties().setAutoStartup(false);
            return factory;
        }

        @ZmqListener(id = "default-factory", type = "PULL", bind = "inproc://bpp-default-factory")
        void onDefault(String in) {
        }

        @ZmqListener(id = "other-factory", type = "PULL", bind = "inproc://bpp-other-factory",
                containerFactory = "otherFactory")
        void onOther(String in) {
        }
    }

    static class PullReturningAValue {
        @ZmqListener(type = "PULL", bind = "inproc://bpp-pull-returning")
        String handle(String in) {
            return in;
        }
    }

    static class PropagationTypo {
        @ZmqListener(type = "PULL", bind = "inproc://bpp-propagation-typo", propagation = "ture")
        void handle(String in) {
        }
    }

    static class MissingFactory {
        @ZmqListener(type = "PULL", bind = "inproc://bpp-missing-factory", containerFactory = "noSuchFactory")
        void handle(String in) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LazyBroken {
        @Bean
        @Lazy
        BrokenListener brokenListener() {
            return new BrokenListener();
        }
    }

    static class BrokenListener {
        @ZmqListener(type = "PULL", bind = "inproc://bpp-broken")
        String handle(String in) {
            return in;
        }
    }
}
