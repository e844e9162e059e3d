package dev.zmq.spring.core;

import dev.zmq.ErrorCode;
import dev.zmq.Frame;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.support.ZmqMessageConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ZmqOperations} as applications call it: asynchronous requests and generic reply types. */
class ZmqTemplateTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    record Quote(String symbol, double price) {
    }

    private final ZmqContext context = new ZmqContext();
    private final ZmqOperations template = new ZmqTemplate(context, new ZmqSocketRegistry(List.of(
            spec("dealer", SocketType.DEALER, "inproc://router"), spec("req", SocketType.REQ, "inproc://rep"),
            spec("silent", SocketType.DEALER, "inproc://nobody"))), new ZmqMessageConverter(new JsonMapper()));

    private static ZmqSocketSpec spec(String name, SocketType type, String endpoint) {
        return new ZmqSocketSpec(name, type, List.of(), List.of(endpoint), List.of(), List.of());
    }

    @AfterEach
    void tearDown() {
        ((ZmqTemplate) template).destroy();
        context.close();
    }

    @Test
    void manyAsyncRequestsAreInFlightOverOneDealerAndEachGetsItsOwnReply() throws Exception {
        ZmqSocket router = context.socket(SocketType.ROUTER);
        router.bind("inproc://router");
        List<CompletableFuture<String>> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            replies.add(template.sendAndReceiveAsync("dealer", "q" + i, String.class, WAIT));
        }
        List<ZmqMessage> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(router.recv(WAIT));
        }
        // all 20 are in flight at once: answered in reverse order
        for (int i = requests.size() - 1; i >= 0; i--) {
            List<Frame> f = requests.get(i).frames();
            router.send(ZmqMessage.of(f.get(0), f.get(1), f.get(2), Frame.of("re:" + f.get(3).text())));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(replies.get(i).get(20, TimeUnit.SECONDS)).isEqualTo("re:q" + i);
        }
    }

    @Test
    void asyncRequestsOverReqGoOneAfterAnotherInOrderWithGenericReplies() throws Exception {
        ZmqSocket rep = context.socket(SocketType.REP);
        rep.bind("inproc://rep");
        CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 3; i++) {
                String symbol = rep.recv(WAIT).first().text().replace("\"", "");
                rep.send(ZmqMessage.of("[{\"symbol\":\"" + symbol + "\",\"price\":" + (i + 1) + ".5}]"));
            }
        });
        ParameterizedTypeReference<List<Quote>> quotes = new ParameterizedTypeReference<>() { };
        List<CompletableFuture<List<Quote>>> replies = new ArrayList<>();
        for (String s : List.of("EUR", "GBP", "JPY")) {
            replies.add(template.sendAndReceiveAsync("req", s, quotes, WAIT));
        }
        assertThat(replies.get(0).get(20, TimeUnit.SECONDS)).containsExactly(new Quote("EUR", 1.5));
        assertThat(replies.get(1).get(20, TimeUnit.SECONDS)).containsExactly(new Quote("GBP", 2.5));
        assertThat(replies.get(2).get(20, TimeUnit.SECONDS)).containsExactly(new Quote("JPY", 3.5));
        server.get(20, TimeUnit.SECONDS);
    }

    @Test
    void anAsyncRequestWithoutAReplyFailsNamingTheSocket() {
        CompletableFuture<ZmqMessage> reply = template.sendAndReceiveAsync("silent", "anyone?", Duration.ofMillis(200));
        assertThatThrownBy(() -> reply.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ZmqException.class).hasMessageContaining("'silent'")
                .satisfies(e -> assertThat(((ZmqException) e).code()).isEqualTo(ErrorCode.EAGAIN));
    }
}
