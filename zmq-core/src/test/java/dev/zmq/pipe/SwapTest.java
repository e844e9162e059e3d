package dev.zmq.pipe;

import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SWAP: a stalled consumer costs bounded memory; everything arrives in order later; the file goes away. */
class SwapTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final ZmqContext ctx = new ZmqContext();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        ctx.close();
    }

    private long swapFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("zmq-swap-")).count();
        }
    }

    @Test
    void aMillionMessagesWaitOnDiskForAStalledConsumerAndArriveInOrder() throws Exception {
        ZmqSocket pull = ctx.socket(SocketType.PULL).set(SocketOption.RCVHWM, 1000);
        pull.bind("tcp://127.0.0.1:*");
        ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.SNDHWM, 1000)
                .set(SocketOption.SWAP, 256L * 1024 * 1024).set(SocketOption.SWAP_DIRECTORY, dir.toString())
                .set(SocketOption.SNDTIMEO, Duration.ZERO);
        push.connect(pull.lastEndpoint());
        push.send("first");
        assertThat(pull.recv(WAIT).first().text()).isEqualTo("first");
        for (int i = 0; i < 1_000_000; i++) {
            push.send(ZmqMessage.of(String.format("message %07d", i)));
        }
        // what waits is on disk, not in memory: the pipe keeps SNDHWM in memory (RCVHWM on the PULL, some in the
        // kernel's loopback buffers), so at least half the messages, 15 body bytes each at least, are in the one swap
        // file, still counted as queued
        assertThat(swapFiles()).isOne();
        assertThat(push.statistics().swappedBytes()).as("bytes in the swap file").isGreaterThan(500_000L * 15);
        assertThat(push.statistics().peers().get(0).queuedOut()).as("messages queued, swapped ones included")
                .isGreaterThan(500_000);
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(pull.recv(WAIT).first().text()).isEqualTo(String.format("message %07d", i));
        }
        await().atMost(WAIT).until(() -> {
            push.send("after");
            return swapFiles() == 0;
        });
    }

    @Test
    void pastTheSwapLimitTheHwmRuleApplies() {
        ZmqSocket push = ctx.socket(SocketType.PUSH).set(SocketOption.SNDHWM, 10)
                .set(SocketOption.SWAP, 1000L).set(SocketOption.SWAP_DIRECTORY, dir.toString())
                .set(SocketOption.LINGER, Duration.ZERO);
        push.connect("tcp://127.0.0.1:1");
        int sent = 0;
        while (push.send(ZmqMessage.of(new byte[92]), ZmqSocket.DONTWAIT)) {
            sent++;
        }
        assertThat(sent).as("10 in memory, then 1000 bytes of 100-byte records on disk").isEqualTo(20);
    }
}
