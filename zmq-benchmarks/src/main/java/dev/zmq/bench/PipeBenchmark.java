package dev.zmq.bench;

import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Pipe;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One pipe between two threads, as between a socket and its connection: one thread offers, the other polls.
 * {@code java -jar zmq-benchmarks/target/zmq-benchmarks.jar PipeBenchmark} reports offers and polls per second. A
 * JMH group state: one pipe per producer/consumer pair.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PipeBenchmark {

    private static final ZmqMessage MESSAGE = ZmqMessage.of(new byte[64]);

    private final Pipe pipe = Pipe.bounded(1000);

    /** Offers one message; at the HWM the offer is refused and counted all the same (the producer retries). */
    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public boolean offer() {
        return pipe.offer(MESSAGE);
    }

    /** Polls one message or finds the pipe empty. */
    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public @Nullable ZmqMessage poll() {
        return pipe.poll();
    }
}
