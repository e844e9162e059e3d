package dev.zmq.spring.core;

import dev.zmq.ErrorCode;
import dev.zmq.Frame;
import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.OptionValue;
import dev.zmq.spring.support.ZmqSocketSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Sharing one socket between threads: many requests in flight over a DEALER, lock-step REQ, timeouts, close. */
class SharedSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final ZmqContext context = new ZmqContext();

    @AfterEach
    void close() {
        context.close();
    }

    private static ZmqSocketSpec connecting(SocketType type, String endpoint) {
        return new ZmqSocketSpec("client", type, List.of(), List.of(endpoint), List.of(), List.of());
    }

    @Test
    void fiftyRequestsAreInFlightAtOnceOverOneDealerAndEachGetsItsOwnReply() throws Exception {
        ZmqSocket router = context.socket(SocketType.ROUTER);
        router.bind("inproc://server");
        SharedSocket dealer = SharedSocket.open(connecting(SocketType.DEALER, "inproc://server"), context);
        ExecutorService callers = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<String>> replies = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String body = "q" + i;
                replies.add(CompletableFuture.supplyAsync(() -> dealer.request(ZmqMessage.of(body), WAIT).first()
                        .text(), callers));
            }
            List<ZmqMessage> requests = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                requests.add(router.recv(WAIT));
            }
            for (int i = requests.size() - 1; i >= 0; i--) {
                List<Frame> f = requests.get(i).frames();
                router.send(ZmqMessage.of(f.get(0), f.get(1), f.get(2), Frame.of("re:" + f.get(3).text())));
            }
            for (int i = 0; i < 50; i++) {
                assertThat(replies.get(i).get(20, TimeUnit.SECONDS)).isEqualTo("re:q" + i);
            }
        } finally {
            callers.shutdown();
            dealer.close();
        }
    }

    @Test
    void aLateReplyToATimedOutRequestIsDroppedAndTheNextRequestWorks() {
        ZmqSocket rep = context.socket(SocketType.REP);
        rep.bind("inproc://slow");
        SharedSocket dealer = SharedSocket.open(connecting(SocketType.DEALER, "inproc://slow"), context);
        assertThatThrownBy(() -> dealer.request(ZmqMessage.of("first"), Duration.ofMillis(50)))
                .isInstanceOf(ZmqException.class).hasMessageContaining("no reply on socket 'client' (DEALER)")
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.EAGAIN);
        rep.send(ZmqMessage.of("late to " + rep.recv(WAIT).first().text()));
        CompletableFuture<ZmqMessage> second = CompletableFuture.supplyAsync(() ->
                dealer.request(ZmqMessage.of("second"), WAIT));
        rep.send(ZmqMessage.of("answer to " + rep.recv(WAIT).first().text()));
        assertThat(second.join().first().text()).isEqualTo("answer to second");
        dealer.close();
        assertThatThrownBy(() -> dealer.send(ZmqMessage.of("after close"))).isInstanceOf(ZmqException.class)
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.ETERM);
    }

    @Test
    void reqIsLockStepAndOtherTypesCannotRequest() {
        ZmqSocket rep = context.socket(SocketType.REP);
        rep.bind("inproc://rep");
        SharedSocket req = SharedSocket.open(connecting(SocketType.REQ, "inproc://rep"), context);
        CompletableFuture<ZmqMessage> reply = CompletableFuture.supplyAsync(() -> req.request(ZmqMessage.of("hi"),
                WAIT));
        rep.send(rep.recv(WAIT));
        assertThat(reply.join().first().text()).isEqualTo("hi");
        SharedSocket push = SharedSocket.open(connecting(SocketType.PUSH, "inproc://nowhere"), context);
        assertThatThrownBy(() -> push.request(ZmqMessage.of("x"), WAIT)).isInstanceOf(ZmqException.class)
                .hasMessageContaining("needs a REQ, DEALER or CLIENT socket; 'client' is PUSH");
        req.close();
        push.close();
    }

    @Test
    void dealerSendsAreBoundedBySndhwmAndFailWithEagainAfterSndtimeo() {
        // nobody answers at inproc://silent: the socket's pipe holds SNDHWM (2), the requester's queue 2 more
        ZmqSocket silent = context.socket(SocketType.ROUTER).set(SocketOption.RCVHWM, 1);
        silent.bind("inproc://silent");
        ZmqSocketSpec spec = new ZmqSocketSpec("bounded", SocketType.DEALER, List.of(), List.of("inproc://silent"),
                List.of(), List.of(new OptionValue<>(SocketOption.SNDHWM, 2),
                new OptionValue<>(SocketOption.SNDTIMEO, Duration.ofMillis(500))));
        SharedSocket dealer = SharedSocket.open(spec, context);
        try {
            int accepted = 0;
            ZmqException refused = null;
            for (int i = 0; i < 50 && refused == null; i++) {
                try {
                    dealer.send(ZmqMessage.of("m" + i));
                    accepted++;
                } catch (ZmqException e) {
                    refused = e;
                }
            }
            assertThat(refused).isNotNull();
            assertThat(refused.code()).isEqualTo(ErrorCode.EAGAIN);
            assertThat(refused.getMessage()).contains("'bounded'").contains("SNDHWM").contains("SNDTIMEO");
            // what the socket and the requester hold together, never an unbounded queue
            assertThat(accepted).isLessThanOrEqualTo(2 + 1 + 2 + 2);
        } finally {
            dealer.close();
        }
    }

    @Test
    void aDeadRequesterThreadFailsLaterSendsAtOnceSayingWhy() {
        ZmqContext own = new ZmqContext();
        SharedSocket dealer = SharedSocket.open(connecting(SocketType.DEALER, "inproc://nobody"), own);
        own.close();
        // the requester's thread ends with ETERM; a send must not vanish into its queue
        await().atMost(WAIT).untilAsserted(() ->
                assertThatThrownBy(() -> dealer.send(ZmqMessage.of("lost?"))).isInstanceOf(ZmqException.class)
                        .hasMessageContaining("'client'"));
        assertThatThrownBy(() -> dealer.request(ZmqMessage.of("q"), WAIT)).isInstanceOf(ZmqException.class);
        dealer.close();
    }
}
