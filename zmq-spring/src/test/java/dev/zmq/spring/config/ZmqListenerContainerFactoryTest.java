package dev.zmq.spring.config;

import dev.zmq.Frame;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.listener.ZmqErrorHandler;
import dev.zmq.spring.listener.ZmqListenerContainer;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.support.ZmqSocketSpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link ZmqListenerContainerFactory#createContainer(ZmqListenerEndpoint)} for real beans and methods: a listener's
 * settings are applied by property name over the factory's defaults (numbers converted, strategies looked up as
 * beans of a real application context) and reach the running container; every declaration that cannot work is refused
 * with an {@link IllegalStateException} naming the method and why; and the factory's defaults reach containers made
 * for code.
 */
class ZmqListenerContainerFactoryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ZmqContext context = new ZmqContext();
    private final ZmqMessageConverter converter = new ZmqMessageConverter(new JsonMapper());
    private final ZmqSocketRegistry sockets = new ZmqSocketRegistry(List.of(
            new ZmqSocketSpec("out", SocketType.PUSH, List.of(), List.of("inproc://factory-out"), List.of(),
                    List.of()),
            new ZmqSocketSpec("feed", SocketType.SUB, List.of(), List.of("inproc://factory-feed"), List.of("a."),
                    List.of()),
            new ZmqSocketSpec("dlq", SocketType.PUSH, List.of(), List.of("inproc://factory-dlq"), List.of(),
                    List.of())));
    private final ZmqTemplate template = new ZmqTemplate(context, sockets, converter);
    private final GenericApplicationContext beans = new GenericApplicationContext();
    private final ZmqListenerContainerFactory factory = new ZmqListenerContainerFactory(context, sockets, converter);
    private final List<ZmqListenerContainer> containers = new ArrayList<>();
    private final Listeners listeners = new Listeners();

    /** The bean whose methods are the listeners. */
    static class Listeners {
        final AtomicInteger attempts = new AtomicInteger();

        String echo(String in) {
            return "echo:" + in;
        }

        String failing(String in) {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("cannot handle " + in);
        }

        void failingConsumer(String in) {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("cannot handle " + in);
        }

        void consume(String in) {
        }
    }

    @BeforeEach
    void setUp() {
        ZmqErrorHandler customErrors = (id, message, error) -> "custom:" + id + ":" + error.getMessage();
        beans.registerBean("customErrors", ZmqErrorHandler.class, () -> customErrors);
        beans.registerBean("notAnErrorHandler", String.class, () -> "just text");
        beans.refresh();
        factory.setBeanFactory(beans);
        factory.setTemplate(template);
    }

    @AfterEach
    void tearDown() {
        containers.forEach(ZmqListenerContainer::stop);
        template.destroy();
        beans.close();
        context.close();
    }

    private static Method method(String name) {
        for (Method m : Listeners.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private ZmqListenerEndpoint inline(String id, String type, String bind, String method, Map<String, String> settings,
                                       @Nullable String sendTo) {
        return new ZmqListenerEndpoint(id, "", type, List.of(bind), List.of(), List.of(), null, settings, listeners,
                method(method), sendTo);
    }

    private ZmqListenerEndpoint named(String id, String socket, List<String> topics, String method) {
        return new ZmqListenerEndpoint(id, socket, "", List.of(), List.of(), topics, null, Map.of(), listeners,
                method(method), null);
    }

    private ZmqListenerContainer started(ZmqListenerContainer container) {
        containers.add(container);
        container.start();
        return container;
    }

    private ZmqMessage request(String endpoint, String body) {
        ZmqSocket req = context.socket(SocketType.REQ);
        try {
            req.connect(endpoint);
            req.send(body);
            ZmqMessage reply = req.recv(WAIT);
            assertThat(reply).as("a reply from " + endpoint).isNotNull();
            return reply;
        } finally {
            req.close();
        }
    }

    @Test
    void settingsAreAppliedByNameOverTheFactoryDefaultsAndReachTheContainer() {
        factory.getContainerProperties().setRetryDelay(Duration.ofMillis(1));
        factory.getContainerProperties().setShutdownTimeout(WAIT);

        ZmqListenerContainer c = started(factory.createContainer(inline("failing", "REP", "inproc://settings",
                "failing", Map.of("concurrency", "3", "retries", "2", "errorHandler", "customErrors"), null)));

        assertThat(c.getConcurrency()).isEqualTo(3);
        assertThat(c.getContainerProperties().getRetries()).isEqualTo(2);
        assertThat(c.getContainerProperties().getErrorHandler()).isSameAs(beans.getBean("customErrors"));
        assertThat(c.getContainerProperties().getRetryDelay()).as("the factory's defaults stay")
                .isEqualTo(Duration.ofMillis(1));
        assertThat(factory.getContainerProperties().getConcurrency()).as("the factory's defaults are not changed")
                .isEqualTo(1);
        assertThat(factory.getContainerProperties().getRetries()).isNull();

        assertThat(request("inproc://settings", "x")).as("the named error handler decides the reply")
                .isEqualTo(ZmqMessage.of("custom:failing:cannot handle x"));
        assertThat(listeners.attempts).as("the first attempt and two retries").hasValue(3);
        assertThat(c.getRetries()).isEqualTo(2);
    }

    @Test
    void aListenerMadeFromAMethodAnswersWithItsReturnValue() {
        started(factory.createContainer(inline("echo", "REP", "inproc://echo", "echo", Map.of(), null)));

        assertThat(request("inproc://echo", "hi")).isEqualTo(ZmqMessage.of("echo:hi"));
    }

    @Test
    void anUnknownSettingIsRefusedNamingTheMethodAndTheSetting() {
        assertThatIllegalStateException()
                .isThrownBy(() -> factory.createContainer(inline("odd", "PULL", "inproc://odd", "consume",
                        Map.of("colour", "blue"), null)))
                .withMessageContaining("Listeners.consume").withMessageContaining("'odd'")
                .withMessageContaining("'colour' is not a listener setting");
    }

    @Test
    void aNonNumericConcurrencyIsRefusedNamingIt() {
        assertThatIllegalStateException()
                .isThrownBy(() -> factory.createContainer(inline("busy", "PULL", "inproc://busy", "consume",
                        Map.of("concurrency", "many"), null)))
                .withMessageContaining("Listeners.consume").withMessageContaining("concurrency 'many'");
    }

    @Test
    void anOutOfRangeSettingIsRefusedNamingIt() {
        assertThatIllegalStateException()
                .isThrownBy(() -> factory.createContainer(inline("none", "PULL", "inproc://none", "consume",
                        Map.of("concurrency", "0"), null)))
                .withMessageContaining("Listeners.consume").withMessageContaining("concurrency '0'")
                .withMessageContaining("at least 1");
    }

    @Test
    void anErrorHandlerNamingNoSuchBeanOrABeanOfAnotherTypeIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> factory.createContainer(inline("e1", "PULL", "inproc://e1", "consume",
                        Map.of("errorHandler", "nobody"), null)))
                .withMessageContaining("Listeners.consume").withMessageContaining("errorHandler 'nobody'");
        assertThatIllegalStateException()
                .isThrownBy(() -> factory.createContainer(inline("e2", "PULL", "inproc://e2", "consume",
                        Map.of("errorHandler", "notAnErrorHandler"), null)))
                .withMessageContaining("errorHandler 'notAnErrorHandler'");
    }

    @Test
    void sendToOnARepListenerIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> factory.createContainer(inline("rep", "REP", "inproc://rep", "echo", Map.of(),
                        "out")))
                .withMessageContaining("Listeners.echo")
                .withMessageContaining("@SendTo cannot be used on a REP listener");
    }

    @Test
    void aValueReturningMethodOnAPullWithoutSendToIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> factory.createContainer(inline("pull", "PULL", "inproc://pull", "echo", Map.of(),
                        null)))
                .withMessageContaining("Listeners.echo")
                .withMessageContaining("returns a value but its PULL socket cannot reply");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUSH", "PUB", "RADIO", "SCATTER"})
    void aListenerOnASocketThatNeverReceivesIsRefused(String type) {
        assertThatIllegalStateException()
                .isThrownBy(() -> factory.createContainer(inline("sender", type, "inproc://never-" + type, "echo",
                        Map.of(), null)))
                .withMessageContaining("Listeners.echo")
                .withMessageContaining("a " + type + " socket never receives");
    }

    @Test
    void sendToOnAPullSendsTheReturnValueToTheNamedSocket() {
        ZmqSocket out = context.socket(SocketType.PULL);
        out.bind("inproc://factory-out");
        started(factory.createContainer(inline("forward", "PULL", "inproc://forward", "echo", Map.of(), "out")));
        ZmqSocket push = context.socket(SocketType.PUSH);
        push.connect("inproc://forward");

        push.send("along");

        assertThat(out.recv(WAIT)).isEqualTo(ZmqMessage.of("echo:along"));
    }

    @Test
    void sendToAnUnknownSocketIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> factory.createContainer(inline("lost", "PULL", "inproc://lost", "echo", Map.of(),
                        "nowhere")))
                .withMessageContaining("Listeners.echo").withMessageContaining("no socket named 'nowhere'");
    }

    @Test
    void topicsOnANamedPushSocketAreRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> factory.createContainer(named("push", "out", List.of("a"), "consume")))
                .withMessageContaining("Listeners.consume")
                .withMessageContaining("topics need a SUB, XSUB or DISH socket; 'out' is PUSH");
    }

    @Test
    void topicsOnANamedSubSocketAreAddedToItsOwn() {
        ZmqListenerContainer c = factory.createContainer(named("sub", "feed", List.of("b."), "consume"));

        assertThat(c.getSocketSpec().topics()).containsExactly("a.", "b.");
        assertThat(sockets.get("feed").topics()).as("the named socket is not changed").containsExactly("a.");
    }

    @Test
    void aNamedSocketAndAnInlineTypeTogetherAreRefused() {
        ZmqListenerEndpoint both = new ZmqListenerEndpoint("both", "out", "PULL", List.of(), List.of(), List.of(),
                null, Map.of(), listeners, method("consume"), null);

        assertThatIllegalStateException().isThrownBy(() -> factory.createContainer(both))
                .withMessageContaining("Listeners.consume")
                .withMessageContaining("give either socket = \"out\" or an inline type/bind/connect, not both");
    }

    @Test
    void anUnknownNamedSocketIsRefusedNamingTheConfiguredOnes() {
        assertThatIllegalStateException()
                .isThrownBy(() -> factory.createContainer(named("nope", "nope", List.of(), "consume")))
                .withMessageContaining("Listeners.consume").withMessageContaining("no socket named 'nope'")
                .withMessageContaining("(configured: [out, feed, dlq])");
    }

    @Test
    void aDeadLetterSocketThatDoesNotExistIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> factory.createContainer(inline("dl", "PULL", "inproc://dl", "consume",
                        Map.of("deadLetterSocket", "graveyard"), null)))
                .withMessageContaining("Listeners.consume").withMessageContaining("dead-letter")
                .withMessageContaining("no socket named 'graveyard'");

        factory.getContainerProperties().setDeadLetterSocket("graveyard");
        ZmqSocketSpec spec = new ZmqSocketSpec("code", SocketType.PULL, List.of("inproc://code-dl"), List.of(),
                List.of(), List.of());
        assertThatIllegalStateException().isThrownBy(() -> factory.createContainer("code", spec, m -> null))
                .withMessageContaining("listener 'code'").withMessageContaining("no socket named 'graveyard'");
    }

    @Test
    void aDeadLetterSocketSettingParksFailedMessagesThere() {
        ZmqSocket dlq = context.socket(SocketType.PULL);
        dlq.bind("inproc://factory-dlq");
        started(factory.createContainer(inline("doomed", "PULL", "inproc://doomed", "failingConsumer",
                Map.of("deadLetterSocket", "dlq"), null)));
        ZmqSocket push = context.socket(SocketType.PUSH);
        push.connect("inproc://doomed");

        push.send("poison");

        ZmqMessage letter = dlq.recv(WAIT);
        assertThat(letter).isNotNull();
        assertThat(letter.first().text()).contains("\"listenerId\":\"doomed\"")
                .contains("cannot handle poison");
        assertThat(letter.frames().subList(1, letter.size())).containsExactly(Frame.of("poison"));
    }

    @Test
    void theFactoryDefaultsReachAContainerMadeForCode() {
        BackOff restarts = new FixedBackOff(5, 1);
        factory.getContainerProperties().setConcurrency(2);
        factory.getContainerProperties().setReturnExceptions(true);
        factory.getContainerProperties().setRestartBackOff(restarts);
        factory.getContainerProperties().setShutdownTimeout(WAIT);
        ZmqSocketSpec spec = new ZmqSocketSpec("code", SocketType.REP, List.of("inproc://code"), List.of(),
                List.of(), List.of());

        ZmqListenerContainer c = started(factory.createContainer("code", spec, m -> {
            throw new IllegalStateException("refused " + m.body().get(0).text());
        }));
        factory.getContainerProperties().setConcurrency(5);

        assertThat(c.getId()).isEqualTo("code");
        assertThat(c.getConcurrency()).as("a later change of the defaults does not reach it").isEqualTo(2);
        assertThat(c.getContainerProperties().getRestartBackOff()).isSameAs(restarts);
        assertThat(request("inproc://code", "y")).as("returnExceptions from the defaults")
                .isEqualTo(ZmqMessage.of("ERROR", "IllegalStateException: refused y"));
    }
}
