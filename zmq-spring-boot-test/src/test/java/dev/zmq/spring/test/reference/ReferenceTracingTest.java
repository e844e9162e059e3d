package dev.zmq.spring.test.reference;

import brave.Span;
import brave.handler.MutableSpan;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.core.ZmqOperations;
import dev.zmq.spring.support.TraceEnvelope;
import dev.zmq.spring.test.AutoConfigureZmqTest;
import dev.zmq.spring.test.ZmqTestAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tracing page: one trace from the template's send on a socket with propagation on to an inline listener with
 * {@code propagation = "true"}; and a receiving application whose only propagating socket is that inline listener,
 * which continues the sender's trace once {@code zmq.metrics.observations} is on.
 */
@SpringBootTest(classes = TracingApplication.class)
@AutoConfigureTracing
@AutoConfigureZmqTest
class ReferenceTracingTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String PARENT_ID = "b7ad6b7169203331";

    @Autowired
    Spans spans;

    @Test
    void theListenersSpanIsAChildOfTheSendersSpan(@Autowired ZmqOperations zmq) {
        zmq.send("jobs", "job-1");
        await().until(() -> spans.named("job-worker receive").isPresent() && spans.named("jobs send").isPresent());
        MutableSpan send = spans.named("jobs send").orElseThrow();
        MutableSpan receive = spans.named("job-worker receive").orElseThrow();
        assertThat(send.kind()).isEqualTo(Span.Kind.PRODUCER);
        assertThat(receive.kind()).isEqualTo(Span.Kind.CONSUMER);
        assertThat(receive.traceId()).isEqualTo(send.traceId());
        assertThat(receive.parentId()).isEqualTo(send.id());
        assertThat(receive.tag("listener.id")).isEqualTo("job-worker");
    }

    @Test
    void anInlineListenerContinuesTheTraceOfTheEnvelopeOnceObservationsAreOn() {
        try (ConfigurableApplicationContext worker = new SpringApplicationBuilder(TracingWorkerApplication.class,
                ZmqTestAutoConfiguration.class).web(WebApplicationType.NONE).run();
             ZmqSocket push = worker.getBean(ZmqContext.class).socket(SocketType.PUSH)) {
            push.connect("inproc://tcp:5570");                 // where the test support moved tcp://*:5570
            push.send(TraceEnvelope.prepend(Map.of("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01"),
                    ZmqMessage.of("job-2")));
            Spans workerSpans = worker.getBean(Spans.class);
            await().until(() -> workerSpans.named("job-worker receive").isPresent());
            MutableSpan receive = workerSpans.named("job-worker receive").orElseThrow();
            assertThat(receive.traceId()).isEqualTo(TRACE_ID);
            assertThat(receive.parentId()).isEqualTo(PARENT_ID);
        }
    }
}
