package dev.zmq.wire;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes what reads peer bytes before any trust: the frame decoder (in arbitrary chunks), greetings, commands and
 * metadata. The only acceptable failure is a {@link ProtocolException}; no frame may exceed MAXMSGSIZE. The normal
 * test run replays the committed corpus ({@code src/test/resources/dev/zmq/wire/WireFuzzTestInputs}); fuzz for
 * longer with {@code JAZZER_FUZZ=1 ./mvnw -pl zmq-core test -Dtest=WireFuzzTest}.
 */
class WireFuzzTest {

    private static final int MAX = 4096;

    @FuzzTest(maxDuration = "2m")
    void frameDecoderRejectsOrDeliversBoundedFrames(FuzzedDataProvider data) {
        FrameDecoder decoder = new FrameDecoder(MAX);
        // input: one byte choosing the chunk size (1-64), then the stream the decoder reads in chunks of that size
        byte[] stream = data.consumeRemainingAsBytes();
        int chunk = stream.length == 0 ? 1 : 1 + (stream[0] & 0x3F);
        ByteBuffer in = ByteBuffer.allocate(stream.length + 8);
        try {
            for (int i = 1; i < stream.length; i += chunk) {
                in.put(stream, i, Math.min(chunk, stream.length - i));
                in.flip();
                decoder.decode(in, (flags, body) -> {
                    assertThat(body.length).isLessThanOrEqualTo(MAX);
                    return true;
                });
                in.compact();
            }
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "2m")
    void handshakeParsersOnlyEverRejectWithAReason(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            Command c = Command.parse(bytes);
            c.errorReason();
            if (c.is(Command.PING)) {
                c.pingTtlMillis();
                c.pong();
            }
            Metadata.decode(c.data(), 0).asMap();
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
        if (bytes.length >= Greeting.SIZE) {
            try {
                Greeting.decode(ByteBuffer.wrap(bytes));
            } catch (ProtocolException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
