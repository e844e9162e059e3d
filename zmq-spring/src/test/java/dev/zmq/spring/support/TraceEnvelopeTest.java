package dev.zmq.spring.support;

import dev.zmq.Frame;
import dev.zmq.SocketType;
import dev.zmq.ZmqMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceEnvelopeTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void theFrameIsTheDocumentedBytes() {
        ZmqMessage sent = TraceEnvelope.prepend(Map.of("traceparent", TRACEPARENT), ZmqMessage.of("payload"));
        byte[] envelope = sent.first().data();
        byte[] value = TRACEPARENT.getBytes(StandardCharsets.US_ASCII);
        // "ZTRC", version 1, key length 11, "traceparent", value length (2 bytes, big-endian), value
        assertThat(envelope).startsWith('Z', 'T', 'R', 'C', 1, 11);
        assertThat(new String(envelope, 6, 11, StandardCharsets.US_ASCII)).isEqualTo("traceparent");
        assertThat(envelope[17]).isZero();
        assertThat(envelope[18] & 0xff).isEqualTo(value.length);
        assertThat(envelope).hasSize(19 + value.length);
        assertThat(sent.last().text()).isEqualTo("payload");
    }

    @Test
    void travelsAfterTheTopicAndComesOffWithItsHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("traceparent", TRACEPARENT);
        headers.put("baggage", "tenant=acme,région=ouest");
        ZmqMessage body = TraceEnvelope.prepend(headers, ZmqMessage.of("a", "b"));
        ZmqMessage wire = ZmqMessage.builder().add("prices.eur").add(body.frame(0)).add(body.frame(1))
                .add(body.frame(2)).build();

        TraceEnvelope.Opened opened = TraceEnvelope.open(ReceivedMessage.split(wire, SocketType.SUB));

        assertThat(opened.headers()).isEqualTo(headers);
        assertThat(opened.message().topic()).isEqualTo("prices.eur");
        assertThat(opened.message().body()).extracting(Frame::text).containsExactly("a", "b");
        assertThat(opened.message().raw().frames()).extracting(Frame::text).containsExactly("prices.eur", "a", "b");
    }

    @Test
    void behindARouterEnvelopeToo() {
        ZmqMessage body = TraceEnvelope.prepend(Map.of("traceparent", TRACEPARENT), ZmqMessage.of("q"));
        ZmqMessage wire = ZmqMessage.builder().add(new byte[] {0, 1, 2}).add(Frame.EMPTY).add(body.frame(0))
                .add(body.frame(1)).build();
        TraceEnvelope.Opened opened = TraceEnvelope.open(ReceivedMessage.split(wire, SocketType.ROUTER));
        assertThat(opened.headers()).containsEntry("traceparent", TRACEPARENT);
        assertThat(opened.message().reply(ZmqMessage.of("r")).frames()).hasSize(3);
        assertThat(opened.message().payload()).isEqualTo("q".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void framesThatAreNotExactlyAnEnvelopeStayPayload() {
        for (byte[] first : new byte[][] {
            "ZTRC".getBytes(StandardCharsets.US_ASCII),                // no version
            {'Z', 'T', 'R', 'C', 2},                                   // unknown version
            {'Z', 'T', 'R', 'C', 1, 5, 'a'},                           // key runs past the end
            {'Z', 'T', 'R', 'C', 1, 1, 'k', 0, 9, 'v'},                // value runs past the end
            "plain text".getBytes(StandardCharsets.US_ASCII)}) {
            ZmqMessage wire = ZmqMessage.of(first, "rest".getBytes(StandardCharsets.US_ASCII));
            TraceEnvelope.Opened opened = TraceEnvelope.open(ReceivedMessage.split(wire, SocketType.PULL));
            assertThat(opened.headers()).isEmpty();
            assertThat(opened.message().body()).hasSize(2);
            assertThat(opened.message().payload()).isEqualTo(first);
        }
    }

    @Test
    void aSingleFrameIsNeverTakenForAnEnvelope() {
        ZmqMessage only = TraceEnvelope.prepend(Map.of("k", "v"), ZmqMessage.of(new byte[0]));
        ZmqMessage envelopeAlone = ZmqMessage.of(only.first());
        assertThat(TraceEnvelope.open(ReceivedMessage.split(envelopeAlone, SocketType.PULL)).message().body())
                .hasSize(1);
    }

    @Test
    void noHeadersNoFrameAndOversizedOnesAreRefused() {
        ZmqMessage body = ZmqMessage.of("x");
        assertThat(TraceEnvelope.prepend(Map.of(), body)).isSameAs(body);
        assertThatThrownBy(() -> TraceEnvelope.prepend(Map.of("baggage", "x".repeat(70_000)), body))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baggage");
    }
}
