package dev.zmq.spring.test.reference;

import dev.zmq.spring.boot.autoconfigure.ZmqContextAutoConfiguration;
import dev.zmq.spring.boot.autoconfigure.ZmqHealthAutoConfiguration;
import dev.zmq.spring.boot.autoconfigure.ZmqHealthIndicator;
import dev.zmq.spring.boot.autoconfigure.ZmqListenerAutoConfiguration;
import dev.zmq.spring.boot.autoconfigure.ZmqMetricsAutoConfiguration;
import dev.zmq.spring.boot.autoconfigure.ZmqProperties;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.metrics.ZmqMetricsBinder;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.test.ZmqTestAutoConfiguration;
import dev.zmq.spring.test.ZmqTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every document of {@code reference/configuration.yml} (the configuration page's examples) binds without an unknown
 * key and starts the auto-configuration; the sockets it declares pass their checks.
 */
class ReferenceConfigurationTest {

    /** Example CURVE keys (libzmq's test keys), standing in for the environment variables the page uses. */
    private static final Map<String, Object> SECRETS = Map.of(
            "ORDERS_PASSWORD", "s3cret",
            "ORDERS_SERVER_PUBLIC_KEY", "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7",
            "ORDERS_SERVER_SECRET_KEY", "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6",
            "ORDERS_CLIENT_PUBLIC_KEY", "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID",
            "ORDERS_CLIENT_SECRET_KEY", "D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs");

    private static final List<PropertySource<?>> DOCUMENTS = load(new ClassPathResource("reference/configuration.yml"));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZmqContextAutoConfiguration.class,
                    ZmqListenerAutoConfiguration.class, ZmqMetricsAutoConfiguration.class,
                    ZmqHealthAutoConfiguration.class, ZmqTestAutoConfiguration.class))
            // as SpringApplication does: @Value("${zmq.test.timeout:10s}") needs Boot's conversions
            .withInitializer(c -> c.getBeanFactory().setConversionService(
                    ApplicationConversionService.getSharedInstance()));

    @Test
    void theDocumentsAreTheOnesThisTestKnows() {
        assertThat(DOCUMENTS).hasSize(7);
    }

    @Test
    void contextAndDefaults() {
        run(0).run(context -> {
            assertThat(context).hasNotFailed();
            ZmqProperties zmq = context.getBean(ZmqProperties.class);
            assertThat(zmq.getIoThreads()).isEqualTo(2);
            assertThat(zmq.getDefaults().getSwap()).isEqualTo(DataSize.ofGigabytes(1));
            assertThat(zmq.getDefaults().getHeartbeatTtl()).isEqualTo(Duration.ofSeconds(60));
        });
        strict(0);
    }

    @Test
    void aSocketWithEveryKey() {
        run(1).run(context -> {
            assertThat(context).hasNotFailed();
            ZmqSocketRegistry sockets = context.getBean(ZmqSocketRegistry.class);
            assertThat(sockets.get("prices").topics()).containsExactly("prices.EUR", "prices.GBP");
            assertThat(sockets.get("prices").connect()).hasSize(2);
        });
        strict(1);
        run(1).withPropertyValues("zmq.sockets.prices.topics=").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("require-topics"));
    }

    @Test
    void plainAndZap(@TempDir Path dir) throws IOException {
        Path passwords = Files.writeString(dir.resolve("zmq-passwords"), "shop=s3cret\n");
        run(2).withPropertyValues("zmq.zap.plain-password-file=" + passwords).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(dev.zmq.ZapHandler.class);
            assertThat(context.getBean(ZmqSocketRegistry.class).names()).containsExactly("order-intake", "orders");
        });
        strict(2);
    }

    @Test
    void curve() {
        run(3).run(context -> assertThat(context).hasNotFailed());
        strict(3);
        run(3).withPropertyValues("zmq.sockets.order-intake.curve.secret-key=too-short").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("curve.secret-key"));
    }

    @Test
    void listenerDefaults() {
        run(4).run(context -> {
            assertThat(context).hasNotFailed();
            var defaults = context.getBean(ZmqListenerContainerFactory.class).getContainerProperties();
            assertThat(defaults.getRetries()).isEqualTo(3);
            assertThat(defaults.getDeadLetterSocket()).isEqualTo("dead-letters");
            assertThat(defaults.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        });
        strict(4);
    }

    @Test
    void metricsAndHealth() {
        run(5).run(context -> assertThat(context).hasNotFailed().hasSingleBean(ZmqMetricsBinder.class)
                .hasSingleBean(ZmqHealthIndicator.class));
        strict(5);
    }

    @Test
    void testSupport() {
        run(6).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ZmqTestHarness.class);
            Binder binder = Binder.get(context.getEnvironment());
            assertThat(binder.bind("zmq.test.timeout", Duration.class).get()).isEqualTo(Duration.ofSeconds(10));
            assertThat(binder.bind("zmq.test.inproc", Boolean.class).get()).isTrue();
        });
        assertThat(names(DOCUMENTS.get(6))).containsExactlyInAnyOrder("zmq.test.inproc", "zmq.test.timeout");
    }

    @Test
    void theStrictCheckCatchesAnUnknownKey() {
        PropertySource<?> typo = load(new ByteArrayResource("zmq:\n  sockets:\n    o: { type: PUSH, tpye: PULL }\n"
                .getBytes(StandardCharsets.UTF_8))).get(0);
        assertThatThrownBy(() -> strict(typo)).hasRootCauseInstanceOf(UnboundConfigurationPropertiesException.class)
                .hasStackTraceContaining("zmq.sockets.o.tpye");
    }

    /** A runner with document {@code index} (and the secrets its placeholders name) in its environment. */
    private ApplicationContextRunner run(int index) {
        return runner.withInitializer(context -> {
            ConfigurableEnvironment env = context.getEnvironment();
            env.getPropertySources().addLast(DOCUMENTS.get(index));
            env.getPropertySources().addLast(new MapPropertySource("secrets", SECRETS));
        });
    }

    /** Binds document {@code index}'s {@code zmq} keys, failing on any key ZmqProperties does not have. */
    private static void strict(int index) {
        strict(DOCUMENTS.get(index));
    }

    private static void strict(PropertySource<?> document) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(document);
        env.getPropertySources().addLast(new MapPropertySource("secrets", SECRETS));
        BindHandler strict = new NoUnboundElementsBindHandler(BindHandler.DEFAULT,
                name -> !name.toString().startsWith("zmq.test."));
        new Binder(ConfigurationPropertySources.get(env), null, null, null)
                .bind("zmq", Bindable.of(ZmqProperties.class), strict);
    }

    private static Set<String> names(PropertySource<?> source) {
        return Set.copyOf(Arrays.asList(((EnumerablePropertySource<?>) source).getPropertyNames()));
    }

    private static List<PropertySource<?>> load(Resource yaml) {
        try {
            return new YamlPropertySourceLoader().load("configuration.yml", yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
