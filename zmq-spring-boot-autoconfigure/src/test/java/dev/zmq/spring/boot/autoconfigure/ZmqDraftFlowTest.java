package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.ZmqContext;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.integration.PayloadMapping;
import dev.zmq.spring.integration.dsl.Zmq;
import dev.zmq.spring.support.ZmqHeaders;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.DatagramSocket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The draft socket types through Spring: RADIO to DISH over udp:// with the group from a header (and from the
 * template), SCATTER to GATHER, a SERVER inbound gateway answering a CLIENT outbound gateway, a SERVER listener.
 */
@SpringBootTest(classes = ZmqDraftFlowTest.Flows.class, properties = {
    "zmq.sockets.weather-out.type=RADIO",
    "zmq.sockets.weather-in.type=DISH", "zmq.sockets.weather-in.topics=weather",
    "zmq.sockets.jobs-out.type=SCATTER", "zmq.sockets.jobs-out.bind=inproc://jobs",
    "zmq.sockets.jobs-in.type=GATHER", "zmq.sockets.jobs-in.connect=inproc://jobs",
    "zmq.sockets.upper-server.type=SERVER", "zmq.sockets.upper-server.bind=inproc://upper",
    "zmq.sockets.upper-client.type=CLIENT", "zmq.sockets.upper-client.connect=inproc://upper",
    "zmq.sockets.echo-server.type=SERVER", "zmq.sockets.echo-server.bind=inproc://echo",
    "zmq.sockets.echo-client.type=CLIENT", "zmq.sockets.echo-client.connect=inproc://echo"})
class ZmqDraftFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) throws SocketException {
        int port;
        try (DatagramSocket s = new DatagramSocket(0)) {
            port = s.getLocalPort();
        }
        registry.add("zmq.sockets.weather-in.bind", () -> "udp://127.0.0.1:" + port);
        registry.add("zmq.sockets.weather-out.connect", () -> "udp://127.0.0.1:" + port);
    }

    @Autowired
    @Qualifier("toWeather")
    MessageChannel toWeather;
    @Autowired
    @Qualifier("weather")
    QueueChannel weather;
    @Autowired
    @Qualifier("toJobs")
    MessageChannel toJobs;
    @Autowired
    @Qualifier("jobs")
    QueueChannel jobs;
    @Autowired
    @Qualifier("toUpper")
    MessageChannel toUpper;
    @Autowired
    ZmqTemplate template;

    @Test
    void aRadioFlowReachesADishFlowThroughTheGroupsItJoined() {
        await().atMost(WAIT).until(() -> {
            toWeather.send(MessageBuilder.withPayload("rain").setHeader(ZmqHeaders.GROUP, "sports").build());
            toWeather.send(MessageBuilder.withPayload("sun").setHeader(ZmqHeaders.GROUP, "weather").build());
            return weather.getQueueSize() > 0;
        });
        Message<?> m = weather.receive(0);
        assertThat(m.getPayload()).isEqualTo("sun");
        assertThat(m.getHeaders().get(ZmqHeaders.GROUP)).isEqualTo("weather");
        weather.clear();
        await().atMost(WAIT).until(() -> {
            template.send("weather-out", "weather", "from the template");
            Message<?> next = weather.receive(50);
            return next != null && "from the template".equals(next.getPayload());
        });
    }

    @Test
    void aRadioMessageWithoutAGroupFailsNamingTheSocket() {
        assertThat(catchThrowable(
                () -> toWeather.send(MessageBuilder.withPayload("nowhere").build())))
                .hasStackTraceContaining("'weather-out' is a RADIO: each message needs a group");
    }

    @Test
    void scatterSpreadsJobsToAGatherFlow() {
        for (int i = 0; i < 100; i++) {
            toJobs.send(MessageBuilder.withPayload("job-" + i).build());
        }
        List<Object> got = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Message<?> m = jobs.receive(WAIT.toMillis());
            assertThat(m).isNotNull();
            got.add(m.getPayload());
        }
        assertThat(got).hasSize(100).doesNotHaveDuplicates().allMatch(p -> p.toString().startsWith("job-"));
    }

    @Test
    void aClientGatewayGetsEachAnswerFromAServerGateway() throws Exception {
        MessagingTemplate requests = new MessagingTemplate();
        requests.setReceiveTimeout(WAIT.toMillis());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Object>> replies = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String body = "request-" + i;
                replies.add(CompletableFuture.supplyAsync(() -> requests.sendAndReceive(toUpper,
                        MessageBuilder.withPayload(body).build()).getPayload(), pool));
            }
            for (int i = 0; i < 40; i++) {
                assertThat(replies.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("REQUEST-" + i);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aZmqListenerOnAServerAnswersTheClientThatAsked() {
        assertThat(template.sendAndReceive("echo-client", "hello", String.class, WAIT)).isEqualTo("echo: hello");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableIntegration
    static class Flows {

        @Bean
        QueueChannel weather() {
            return new QueueChannel();
        }

        @Bean
        QueueChannel jobs() {
            return new QueueChannel();
        }

        @Bean
        IntegrationFlow weatherOut(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
            return TestFlows.channelToSocket("toWeather", "weather-out", context, sockets, converter);
        }

        @Bean
        IntegrationFlow weatherIn(ZmqListenerContainerFactory factory, ZmqSocketRegistry sockets,
                                  ZmqMessageConverter converter) {
            return TestFlows.socketToChannel("weather-in", "weather", factory, sockets, converter);
        }

        @Bean
        IntegrationFlow jobsOut(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
            return TestFlows.channelToSocket("toJobs", "jobs-out", context, sockets, converter);
        }

        @Bean
        IntegrationFlow jobsIn(ZmqListenerContainerFactory factory, ZmqSocketRegistry sockets,
                               ZmqMessageConverter converter) {
            return TestFlows.socketToChannel("jobs-in", "jobs", factory, sockets, converter);
        }

        @Bean
        IntegrationFlow upperServer(ZmqListenerContainerFactory factory, ZmqSocketRegistry sockets,
                                    ZmqMessageConverter converter) {
            return IntegrationFlow.from(Zmq.inboundGateway(factory, sockets.get("upper-server"), converter)
                    .payload(PayloadMapping.STRING)).<String, String>transform(String::toUpperCase).get();
        }

        @Bean
        IntegrationFlow upperClient(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
            return IntegrationFlow.from("toUpper")
                    .handle(Zmq.outboundGateway(context, sockets.get("upper-client"), converter)
                            .payload(PayloadMapping.STRING).replyTimeout(WAIT)).get();
        }

        @Bean
        EchoService echoService() {
            return new EchoService();
        }
    }

    /** A listener on a SERVER socket: its return value goes back to the CLIENT that asked. */
    static class EchoService {

        @ZmqListener(socket = "echo-server")
        String echo(String text) {
            return "echo: " + text;
        }
    }
}
