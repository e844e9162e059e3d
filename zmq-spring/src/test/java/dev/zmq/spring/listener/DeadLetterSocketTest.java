package dev.zmq.spring.listener;

import dev.zmq.Frame;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.support.ReceivedMessage;
import dev.zmq.spring.support.ZmqDeadLetterHeaders;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.support.ZmqSocketSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link DeadLetterSocket} as a receiver of the dead-letter socket sees it, through a real {@link ZmqTemplate} and a
 * named PUSH socket over inproc: one JSON frame of the {@link ZmqDeadLetterHeaders} (listener id, exception class and
 * message, attempts, plus the topic of a SUB message or the hex routing id of a ROUTER message, absent otherwise),
 * followed by the message's body frames exactly as they arrived.
 */
class DeadLetterSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ZmqContext context = new ZmqContext();
    private final ZmqMessageConverter converter = new ZmqMessageConverter(new JsonMapper());
    private final ZmqTemplate template = new ZmqTemplate(context, new ZmqSocketRegistry(List.of(
            new ZmqSocketSpec("dlq", SocketType.PUSH, List.of(), List.of("inproc://dlq"), List.of(), List.of()))),
            converter);
    private final DeadLetterSocket deadLetters = new DeadLetterSocket(template, converter, "dlq");
    private ZmqSocket letters;

    @BeforeEach
    void bindReceiver() {
        letters = context.socket(SocketType.PULL);
        letters.bind("inproc://dlq");
    }

    @AfterEach
    void tearDown() {
        template.destroy();
        letters.close();
        context.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> headers(ZmqMessage letter) {
        return converter.fromZmqMessage(ZmqMessage.of(letter.first()), Map.class);
    }

    @Test
    void aSubMessageCarriesItsTopicAndItsBodyFramesUnchanged() {
        ReceivedMessage received = ReceivedMessage.split(
                ZmqMessage.of(Frame.of("prices.eu"), Frame.of("EURUSD"), Frame.wrap(new byte[] {0, (byte) 0xff, 7})),
                SocketType.SUB);

        deadLetters.publish("prices", received, new IllegalStateException("stale quote"), 3);

        ZmqMessage letter = letters.recv(WAIT);
        assertThat(letter).isNotNull();
        assertThat(headers(letter)).containsExactlyInAnyOrderEntriesOf(Map.of(
                ZmqDeadLetterHeaders.LISTENER_ID, "prices",
                ZmqDeadLetterHeaders.EXCEPTION, IllegalStateException.class.getName(),
                ZmqDeadLetterHeaders.EXCEPTION_MESSAGE, "stale quote",
                ZmqDeadLetterHeaders.ATTEMPTS, 3,
                ZmqDeadLetterHeaders.TOPIC, "prices.eu"));
        assertThat(letter.frames().subList(1, letter.size()))
                .as("the body, without the topic frame, byte for byte")
                .containsExactly(Frame.of("EURUSD"), Frame.wrap(new byte[] {0, (byte) 0xff, 7}));
    }

    @Test
    void aRouterMessageCarriesTheSendersRoutingIdAsHex() {
        ZmqSocket router = context.socket(SocketType.ROUTER);
        router.bind("inproc://front");
        ZmqSocket dealer = context.socket(SocketType.DEALER);
        dealer.set(SocketOption.ROUTING_ID, new byte[] {0x0a, (byte) 0xbc, 0x01});
        dealer.connect("inproc://front");
        dealer.send(ZmqMessage.of(Frame.EMPTY, Frame.of("order-1"), Frame.of("second")));
        ZmqMessage raw = router.recv(WAIT);
        assertThat(raw).isNotNull();

        deadLetters.publish("orders", ReceivedMessage.split(raw, SocketType.ROUTER),
                new IllegalArgumentException("no such product"), 1);

        ZmqMessage letter = letters.recv(WAIT);
        assertThat(letter).isNotNull();
        assertThat(headers(letter)).containsExactlyInAnyOrderEntriesOf(Map.of(
                ZmqDeadLetterHeaders.LISTENER_ID, "orders",
                ZmqDeadLetterHeaders.EXCEPTION, IllegalArgumentException.class.getName(),
                ZmqDeadLetterHeaders.EXCEPTION_MESSAGE, "no such product",
                ZmqDeadLetterHeaders.ATTEMPTS, 1,
                ZmqDeadLetterHeaders.ROUTING_ID, "0abc01"));
        assertThat(letter.frames().subList(1, letter.size()))
                .as("the body, without the envelope").containsExactly(Frame.of("order-1"), Frame.of("second"));
        router.close();
        dealer.close();
    }

    @Test
    void aPlainMessageHasNeitherTopicNorRoutingIdAndAMissingExceptionMessageIsTheTextNull() {
        ReceivedMessage received = ReceivedMessage.split(ZmqMessage.of("a", "b"), SocketType.PULL);

        deadLetters.publish("work", received, new NullPointerException(), 4);

        ZmqMessage letter = letters.recv(WAIT);
        assertThat(letter).isNotNull();
        Map<String, Object> headers = headers(letter);
        assertThat(headers).doesNotContainKeys(ZmqDeadLetterHeaders.TOPIC, ZmqDeadLetterHeaders.ROUTING_ID)
                .containsEntry(ZmqDeadLetterHeaders.EXCEPTION, NullPointerException.class.getName())
                .containsEntry(ZmqDeadLetterHeaders.EXCEPTION_MESSAGE, "null")
                .containsEntry(ZmqDeadLetterHeaders.ATTEMPTS, 4);
        assertThat(new String(letter.first().data(), StandardCharsets.UTF_8)).startsWith("{").endsWith("}");
        assertThat(letter.frames().subList(1, letter.size())).containsExactly(Frame.of("a"), Frame.of("b"));
    }

    @Test
    void aSocketTheTemplateDoesNotKnowFailsThePublish() {
        DeadLetterSocket nowhere = new DeadLetterSocket(template, converter, "missing");
        ReceivedMessage received = ReceivedMessage.split(ZmqMessage.of("x"), SocketType.PULL);

        assertThatThrownBy(() -> nowhere.publish("work", received, new IllegalStateException("x"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'missing'");
        assertThat(nowhere).hasToString("DeadLetterSocket[missing]");
    }
}
