package dev.zmq.bench;

import dev.zmq.ZmqMessage;
import dev.zmq.wire.FrameDecoder;
import dev.zmq.wire.MessageEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The ZMTP codec alone: frames encoded into a connection buffer and decoded from one, per frame size. Run with
 * {@code java -jar zmq-benchmarks/target/zmq-benchmarks.jar CodecBenchmark -prof gc} to see bytes allocated per op.
 * A JMH state: one per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {

    private static final int FRAMES_PER_STREAM = 64;

    @Param({"1", "64", "1024", "65536"})
    int size;

    private ZmqMessage message;
    private MessageEncoder encoder;
    private ByteBuffer out;
    private ByteBuffer stream;
    private FrameDecoder decoder;

    @Setup
    public void setUp() {
        message = ZmqMessage.of(new byte[size]);
        encoder = new MessageEncoder();
        out = ByteBuffer.allocateDirect(64 * 1024);
        ByteBuffer all = ByteBuffer.allocate(FRAMES_PER_STREAM * (size + 9));
        for (int i = 0; i < FRAMES_PER_STREAM; i++) {
            all.put((byte) (size > 255 ? 2 : 0));
            if (size > 255) {
                all.putLong(size);
            } else {
                all.put((byte) size);
            }
            all.put(new byte[size]);
        }
        all.flip();
        stream = all;
        decoder = new FrameDecoder(-1);
    }

    /** One message encoded: header into the buffer, body copied or handed out for a gathering write. */
    @Benchmark
    public int encode() {
        encoder.begin(message);
        encoder.encode(out);
        if (encoder.largeBody() != null) {
            encoder.largeBodyWritten();
        }
        int n = out.position();
        out.clear();
        return n;
    }

    /** A buffer of 64 frames decoded; each frame's body becomes its own array. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_STREAM)
    public void decode(Blackhole bh) {
        ByteBuffer in = stream.duplicate();
        decoder.decode(in, (flags, body) -> {
            bh.consume(body);
            return true;
        });
    }
}
