package dev.zmq.sample;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import dev.zmq.spring.test.AutoConfigureZmqTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from the HTTP request through the front's PUSH, the worker's PULL listener, its PUB reply and the front's
 * SUB listener: the sockets have propagation on, so the trace context crosses each hop in the envelope frame. Brave
 * through Micrometer Tracing records the spans; every endpoint is on inproc.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.tracing.sampling.probability=1.0")
@AutoConfigureTracing
@AutoConfigureZmqTest
class TraceAcrossTheWireTest {

    @LocalServerPort
    int port;
    @Autowired
    List<MutableSpan> spans;

    @TestConfiguration
    static class Spans {
        private final List<MutableSpan> finished = new CopyOnWriteArrayList<>();

        @Bean
        List<MutableSpan> finishedSpans() {
            return finished;
        }

        @Bean
        SpanHandler collectingSpanHandler() {
            return new SpanHandler() {
                @Override
                public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                    finished.add(span);
                    return true;
                }
            };
        }
    }

    @Test
    void oneTraceSpansFrontWorkerAndFront() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/hello/trace")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> byName().keySet().containsAll(
                List.of("requests send", "work receive", "replies send", "responses receive")));
        Map<String, MutableSpan> hops = byName();
        MutableSpan http = spans.stream().filter(s -> s.kind() == brave.Span.Kind.SERVER
                && "GET".equals(s.tag("method"))).findFirst().orElseThrow();
        MutableSpan send = hops.get("requests send");
        MutableSpan work = hops.get("work receive");
        MutableSpan reply = hops.get("replies send");
        MutableSpan back = hops.get("responses receive");

        assertThat(List.of(send, work, reply, back)).extracting(MutableSpan::traceId).containsOnly(http.traceId());
        assertThat(send.parentId()).isEqualTo(http.id());
        assertThat(work.parentId()).isEqualTo(send.id());
        assertThat(reply.parentId()).isEqualTo(work.id());
        assertThat(back.parentId()).isEqualTo(reply.id());
        assertThat(send.kind()).isEqualTo(brave.Span.Kind.PRODUCER);
        assertThat(work.kind()).isEqualTo(brave.Span.Kind.CONSUMER);
        assertThat(work.tag("listener.id")).isEqualTo("workers");
    }

    private Map<String, MutableSpan> byName() {
        return spans.stream().filter(s -> s.name() != null)
                .collect(Collectors.toMap(MutableSpan::name, Function.identity(), (a, b) -> a));
    }
}
