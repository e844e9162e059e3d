package dev.zmq.pipe;

import dev.zmq.ZmqMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PipeTest {

    private static final ZmqMessage M = ZmqMessage.of("m");

    @Test
    void refusesAtHighWaterMarkAndWakesWriterAtHalf() {
        Pipe pipe = Pipe.bounded(4);
        AtomicInteger writerWakes = new AtomicInteger();
        pipe.onWritable(writerWakes::incrementAndGet);
        for (int i = 0; i < 4; i++) {
            assertThat(pipe.offer(M)).isTrue();
        }
        assertThat(pipe.offer(M)).isFalse();
        assertThat(pipe.depth()).isEqualTo(4);
        pipe.poll();
        assertThat(writerWakes).hasValue(0);
        pipe.poll();
        assertThat(writerWakes).hasValue(1);
        assertThat(pipe.offer(M)).isTrue();
    }

    @Test
    void bareDeliveriesKeepTheirConnectionsPropertiesAcrossAChangeAndCountAgainstTheHwm() {
        Pipe pipe = Pipe.bounded(3);
        Map<String, String> first = Map.of("Peer-Address", "10.0.0.1");
        Map<String, String> second = Map.of("Peer-Address", "10.0.0.2");
        assertThat(pipe.offerQuietly(bytes("a"), first)).isTrue();
        assertThat(pipe.offerQuietly(bytes("b"), first)).isTrue();
        assertThat(pipe.offerQuietly(bytes("c"), second)).isTrue();
        assertThat(pipe.offerQuietly(bytes("d"), second)).as("at the HWM").isFalse();
        assertThat(pipe.depth()).isEqualTo(3);
        assertThat(pipe.poll()).satisfies(m -> {
            assertThat(m.first().text()).isEqualTo("a");
            assertThat(m.property("Peer-Address")).isEqualTo("10.0.0.1");
        });
        Received received = new Received();
        assertThat(pipe.pollInto(received)).isTrue();
        assertThat(received.bareBody()).as("taken as its bytes alone").isEqualTo(bytes("b"));
        assertThat(pipe.pollInto(received)).isTrue();
        ZmqMessage c = received.message();
        assertThat(c.first().text()).isEqualTo("c");
        assertThat(c.property("Peer-Address")).isEqualTo("10.0.0.2");
        assertThat(pipe.poll()).isNull();
        assertThat(pipe.isEmpty()).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void wakesReaderOnlyOnEmptyToNonEmptyEdge() {
        Pipe pipe = Pipe.bounded(0);
        AtomicInteger readerWakes = new AtomicInteger();
        pipe.onReadable(readerWakes::incrementAndGet);
        pipe.offer(M);
        pipe.offer(M);
        pipe.offer(M);
        assertThat(readerWakes).hasValue(1);
        pipe.clear();
        pipe.offer(M);
        assertThat(readerWakes).hasValue(2);
    }

    @Test
    void zeroHighWaterMarkMeansUnbounded() {
        Pipe pipe = Pipe.bounded(0);
        for (int i = 0; i < 100_000; i++) {
            assertThat(pipe.offer(M)).isTrue();
        }
        assertThat(pipe.depth()).isEqualTo(100_000);
    }

    @Test
    void forceIgnoresTheHighWaterMark() {
        Pipe pipe = Pipe.bounded(1);
        pipe.offer(M);
        pipe.force(ZmqMessage.of("subscription"));
        assertThat(pipe.poll()).isEqualTo(M);
        assertThat(pipe.poll()).isEqualTo(ZmqMessage.of("subscription"));
    }

    @Test
    void keepsOrderAcrossThreads() throws Exception {
        Pipe pipe = Pipe.bounded(16);
        Signaler signaler = new Signaler();
        pipe.onWritable(signaler::wake);
        int n = 200_000;
        Thread writer = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                ZmqMessage m = ZmqMessage.of(Integer.toString(i));
                while (true) {
                    signaler.prepare();
                    if (pipe.offer(m)) {
                        signaler.cancel();
                        break;
                    }
                    signaler.await(Long.MAX_VALUE);
                }
            }
        });
        writer.start();
        int next = 0;
        while (next < n) {
            ZmqMessage m = pipe.poll();
            if (m != null) {
                assertThat(m.first().text()).isEqualTo(Integer.toString(next++));
            } else {
                Thread.onSpinWait();
            }
        }
        writer.join();
        assertThat(pipe.isEmpty()).isTrue();
    }

    @Test
    void aCountingPipeKeepsOrderAndByteCountsAcrossManyChunksWithAConcurrentReader() throws Exception {
        Pipe pipe = Pipe.inproc(0);
        int n = 100_000;
        long[] expectedBytes = {0};
        Thread writer = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                pipe.offer(ZmqMessage.of(new byte[i % 7]));
            }
        });
        for (int i = 0; i < n; i++) {
            expectedBytes[0] += i % 7;
        }
        writer.start();
        long readBytes = 0;
        for (int i = 0; i < n; ) {
            ZmqMessage m = pipe.poll();
            if (m == null) {
                Thread.onSpinWait();
                continue;
            }
            assertThat(m.byteSize()).isEqualTo(i % 7);
            readBytes += m.byteSize();
            assertThat(pipe.bytesRead()).isEqualTo(readBytes);
            i++;
        }
        writer.join();
        assertThat(pipe.bytesRead()).isEqualTo(expectedBytes[0]).isEqualTo(pipe.bytesWritten());
        assertThat(pipe.messagesRead()).isEqualTo(n);
        assertThat(pipe.poll()).isNull();
    }

    @Test
    void aConflatingPipeHoldsOnlyTheLatestMessageAndNeverRefuses() {
        Pipe pipe = Pipe.conflating();
        for (int i = 0; i < 1000; i++) {
            assertThat(pipe.offer(ZmqMessage.of("tick " + i))).isTrue();
        }
        assertThat(pipe.depth()).isEqualTo(1);
        assertThat(pipe.poll()).isEqualTo(ZmqMessage.of("tick 999"));
        assertThat(pipe.isEmpty()).isTrue();
        assertThat(pipe.poll()).isNull();
        assertThat(pipe.messagesWritten()).isEqualTo(1000);
    }

    @Test
    void aBoundedPipeHandsBareMessagesOverAsBytesAndOthersWhole() {
        Pipe pipe = Pipe.bounded(0);
        ZmqMessage multipart = ZmqMessage.of("a", "b");
        pipe.offer(ZmqMessage.of("bare"));
        pipe.offer(multipart);
        Received received = new Received();
        assertThat(pipe.pollInto(received)).isTrue();
        assertThat(received.bareBody()).isEqualTo(bytes("bare"));
        assertThat(received.firstFrame()).isEqualTo(bytes("bare"));
        assertThat(pipe.pollInto(received)).isTrue();
        assertThat(received.bareBody()).isNull();
        assertThat(received.message()).isSameAs(multipart);
        assertThat(received.firstFrame()).isEqualTo(bytes("a"));
        received.clear();
        assertThat(received.message()).isNull();
        assertThat(pipe.pollInto(received)).isFalse();
    }

    @Test
    void anInprocPipeHandsTheMessageObjectAcross() {
        Pipe pipe = Pipe.inproc(0);
        ZmqMessage m = ZmqMessage.of("same object");
        pipe.offer(m);
        assertThat(pipe.poll()).isSameAs(m);
        assertThat(pipe.bytesWritten()).isEqualTo(pipe.bytesRead()).isEqualTo(11);
    }
}
