package dev.zmq.wire;

import dev.zmq.Frame;
import dev.zmq.ZmqMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameDecoderTest {

    /** One decoded frame, comparable. */
    record Decoded(int flags, List<Byte> body) {
        static Decoded of(int flags, byte[] body) {
            List<Byte> b = new ArrayList<>(body.length);
            for (byte x : body) {
                b.add(x);
            }
            return new Decoded(flags, b);
        }
    }

    private static final List<ZmqMessage> MESSAGES = List.of(
            ZmqMessage.of(Frame.EMPTY),
            ZmqMessage.of(new byte[1]),
            ZmqMessage.of(filled(255, 1), filled(256, 2)),
            ZmqMessage.of("a", "", "three frames"),
            ZmqMessage.of(filled(300, 3)));

    private static byte[] filled(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + seed);
        }
        return b;
    }

    /** Encodes messages (and a command) exactly as a connection would. */
    static byte[] encode(List<ZmqMessage> messages) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        ByteBuffer out = ByteBuffer.allocate(1024);
        MessageEncoder encoder = new MessageEncoder();
        Command.ping(1000, new byte[] {9}).encode(out);
        drain(out, stream);
        for (ZmqMessage m : messages) {
            encoder.begin(m);
            boolean done;
            do {
                done = encoder.encode(out);
                drain(out, stream);
                if (encoder.largeBody() != null) {
                    ByteBuffer large = encoder.largeBody();
                    stream.write(large.array(), large.position(), large.remaining());
                    encoder.largeBodyWritten();
                }
            } while (!done);
        }
        return stream.toByteArray();
    }

    private static void drain(ByteBuffer out, ByteArrayOutputStream stream) {
        out.flip();
        stream.write(out.array(), 0, out.limit());
        out.clear();
    }

    private static List<Decoded> expected(List<ZmqMessage> messages) {
        List<Decoded> out = new ArrayList<>();
        out.add(Decoded.of(FrameFlags.COMMAND, new byte[] {4, 'P', 'I', 'N', 'G', 0, 10, 9}));
        for (ZmqMessage m : messages) {
            for (int i = 0; i < m.size(); i++) {
                out.add(Decoded.of(i + 1 < m.size() ? FrameFlags.MORE : 0, m.frame(i).data()));
            }
        }
        return out;
    }

    private static List<Decoded> decodeInChunks(byte[] stream, int... cuts) {
        FrameDecoder decoder = new FrameDecoder(-1);
        List<Decoded> got = new ArrayList<>();
        int from = 0;
        int[] bounds = Arrays.copyOf(cuts, cuts.length + 1);
        bounds[cuts.length] = stream.length;
        for (int to : bounds) {
            assertThat(decoder.decode(ByteBuffer.wrap(stream, from, to - from), (f, b) -> got.add(Decoded.of(f, b))))
                    .isTrue();
            from = to;
        }
        assertThat(decoder.isIdle()).isTrue();
        return got;
    }

    @Test
    void everySplitPointDecodesTheSameFrames() {
        byte[] stream = encode(MESSAGES);
        List<Decoded> expected = expected(MESSAGES);
        for (int cut = 0; cut <= stream.length; cut++) {
            assertThat(decodeInChunks(stream, cut)).as("split at %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void oneByteAtATimeIncludingLargeFrames() {
        List<ZmqMessage> messages = new ArrayList<>(MESSAGES);
        messages.add(ZmqMessage.of(filled(70_000, 5), filled(MessageEncoder.COPY_LIMIT, 6)));
        byte[] stream = encode(messages);
        int[] cuts = new int[stream.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        assertThat(decodeInChunks(stream, cuts)).isEqualTo(expected(messages));
    }

    @Test
    void sinkCanPauseAndResume() {
        byte[] stream = encode(MESSAGES);
        FrameDecoder decoder = new FrameDecoder(-1);
        List<Decoded> got = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(stream);
        while (!decoder.decode(in, (f, b) -> got.add(Decoded.of(f, b)) && false)) {
            assertThat(in.hasRemaining() || got.size() == expected(MESSAGES).size()).isTrue();
        }
        assertThat(got).isEqualTo(expected(MESSAGES));
    }

    @Test
    void frameLargerThanMaxMessageSizeIsRejectedBeforeAllocation() {
        byte[] header = {FrameFlags.LONG, 0, 0, 0, 0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> new FrameDecoder(1024).decode(ByteBuffer.wrap(header), (f, b) -> true))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("frame of 2147483647 bytes exceeds MAXMSGSIZE 1024");
    }

    @Test
    void sizeOfTwoToTheSixtyThreeIsRejected() {
        byte[] header = {FrameFlags.LONG, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> new FrameDecoder(-1).decode(ByteBuffer.wrap(header), (f, b) -> true))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("frame size 9223372036854775808 is out of range");
    }

    @Test
    void reservedFlagBitsAreRejected() {
        assertThatThrownBy(() -> new FrameDecoder(-1).decode(ByteBuffer.wrap(new byte[] {0x08, 0}), (f, b) -> true))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("reserved bits");
    }

    @Test
    void commandWithMoreIsRejected() {
        byte[] frame = {FrameFlags.COMMAND | FrameFlags.MORE, 0};
        assertThatThrownBy(() -> new FrameDecoder(-1).decode(ByteBuffer.wrap(frame), (f, b) -> true))
                .isInstanceOf(ProtocolException.class).hasMessage("a command frame has the MORE flag");
    }

    @Test
    void aTwoGigabyteClaimCostsOnlyWhatArrivesAndGrowsWithItsBytes() {
        FrameDecoder decoder = new FrameDecoder(-1);
        // 2,000,000,000 bytes claimed (0x77359400), then two of them
        byte[] claim = {FrameFlags.LONG, 0, 0, 0, 0, 0x77, 0x35, (byte) 0x94, 0x00, 1, 2};
        assertThat(decoder.decode(ByteBuffer.wrap(claim), (f, b) -> true)).isTrue();
        assertThat(decoder.isIdle()).isFalse();
        assertThat(decoder.heldBytes()).as("2 bytes arrived of 2 GB claimed").isLessThanOrEqualTo(256);
        assertThat(decoder.decode(ByteBuffer.wrap(new byte[10_000]), (f, b) -> true)).isTrue();
        assertThat(decoder.heldBytes()).as("at most twice what arrived").isBetween(10_002, 2 * 10_002);
    }

    @Test
    void aBodyArrivingInPiecesIsWholeAndExactlySized() {
        byte[] body = filled(100_000, 9);
        byte[] stream = encode(List.of(ZmqMessage.of(body)));
        List<Decoded> got = decodeInChunks(stream, 11, 20, 300, 5000, 70_000);
        assertThat(got).isEqualTo(expected(List.of(ZmqMessage.of(body))));
    }

    @Test
    void aPeerThatHasStreamedGetsItsLargeBodiesInOneAllocation() {
        FrameDecoder decoder = new FrameDecoder(-1);
        byte[] warm = encode(List.of(ZmqMessage.of(filled(200_000, 1))));
        decoder.decode(ByteBuffer.wrap(warm), (f, b) -> true);
        byte[] next = encode(List.of(ZmqMessage.of(filled(150_000, 2))));
        int firstPiece = 8 + 1000;
        decoder.decode(ByteBuffer.wrap(next, 0, firstPiece), (f, b) -> true);
        assertThat(decoder.heldBytes()).as("credit of the 200 kB the peer sent before").isEqualTo(150_000);
    }

    @Test
    void theLimitCanTightenForTheHandshake() {
        FrameDecoder decoder = new FrameDecoder(-1);
        decoder.limit(16, "the handshake's bound");
        byte[] frame = {FrameFlags.COMMAND, 17};
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(frame), (f, b) -> true))
                .isInstanceOf(ProtocolException.class).hasMessage("frame of 17 bytes exceeds the handshake's bound 16");
    }
}
