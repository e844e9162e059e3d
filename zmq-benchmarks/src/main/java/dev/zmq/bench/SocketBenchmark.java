package dev.zmq.bench;

import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * PUSH -> PULL through the whole socket stack, over inproc or loopback TCP, one thread each side:
 * {@code java -jar zmq-benchmarks/target/zmq-benchmarks.jar SocketBenchmark -prof gc}. Both sides never block (a
 * blocked side could not end a JMH iteration); the {@code sent} and {@code received} counters count only messages
 * actually moved, so they are the rates to read, and {@code gc.alloc.rate.norm} divided by the message ratio gives
 * the garbage per message. A JMH group state: one socket pair per group.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SocketBenchmark {

    /** Messages the sending thread got into the socket. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Sent {
        /** The count; JMH reports it per second. */
        public long sent;
    }

    /** Messages the receiving thread got out of the socket. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Received {
        /** The count; JMH reports it per second. */
        public long received;
    }

    @Param({"inproc", "tcp"})
    public String transport;

    @Param({"64"})
    public int size;

    private ZmqContext context;
    private ZmqSocket push;
    private ZmqSocket pull;
    private ZmqMessage message;

    /** Opens the pair: PULL binds, PUSH connects. */
    @Setup(Level.Trial)
    public void open() {
        context = new ZmqContext(1);
        pull = context.socket(SocketType.PULL);
        pull.bind(transport.equals("inproc") ? "inproc://bench" : "tcp://127.0.0.1:*");
        push = context.socket(SocketType.PUSH).set(SocketOption.LINGER, Duration.ZERO);
        push.connect(Objects.requireNonNull(pull.lastEndpoint()));
        message = ZmqMessage.of(new byte[size]);
    }

    /** Closes the pair, dropping what is still queued. */
    @TearDown(Level.Trial)
    public void close() {
        context.close();
    }

    /** Sends one message if there is room. */
    @Benchmark
    @Group("pushPull")
    @GroupThreads(1)
    public void send(Sent counter) {
        if (push.send(message, ZmqSocket.DONTWAIT)) {
            counter.sent++;
        }
    }

    /** Receives one message's bytes if one is there ({@code recvBytes}: no message object around them). */
    @Benchmark
    @Group("pushPull")
    @GroupThreads(1)
    public byte @Nullable [] receive(Received counter) {
        byte[] m = pull.recvBytes(ZmqSocket.DONTWAIT);
        if (m != null) {
            counter.received++;
        }
        return m;
    }
}
