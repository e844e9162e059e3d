package dev.zmq.pipe;

import dev.zmq.ZmqMessage;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lincheck model-checks a pipe's writer and reader with their wake-up flags, as a socket and an engine use them: the
 * writer offers (refused at the HWM, then it would sleep until {@code onWritable} runs), the reader polls (finding it
 * empty, it would sleep until {@code onReadable} runs). Every history must be a sequential one (FIFO, nothing lost or
 * reordered, never more than HWM queued), and at the end no side may be asleep with nothing left to wake it: a
 * reader asleep over a non-empty pipe, or a writer asleep while the pipe is down to its low-water mark, is a lost
 * wake-up. A wake-up counts from before the call that decided to sleep, as the socket's {@link Signaler} keeps a wake
 * that comes before its park. Short scenarios, explored deeply: this configuration catches a reader that does not
 * look again after asking to be woken, and a writer that does not look again after asking for room (both tried as
 * mutations of {@link Pipe}).
 */
@Param(name = "value", gen = IntGen.class, conf = "1:9")
public class PipeLincheckTest {

    private static final int HWM = 2;

    private final Pipe pipe = Pipe.bounded(HWM);
    private final AtomicInteger readerWakes = new AtomicInteger();
    private final AtomicInteger writerWakes = new AtomicInteger();
    /** Reader: the wake count before the poll that found the pipe empty, or -1 when not asleep. */
    private volatile int readerAsleepSince = -1;
    /** Writer: the wake count before the offer the HWM refused, or -1 when not asleep. */
    private volatile int writerAsleepSince = -1;

    public PipeLincheckTest() {
        pipe.onReadable(readerWakes::incrementAndGet);
        pipe.onWritable(writerWakes::incrementAndGet);
    }

    @Operation(nonParallelGroup = "writer")
    public boolean offer(@Param(name = "value") int value) {
        int wakes = writerWakes.get();
        boolean queued = pipe.offer(ZmqMessage.of(Integer.toString(value)));
        writerAsleepSince = queued ? -1 : wakes;
        return queued;
    }

    @Operation(nonParallelGroup = "reader")
    public String poll() {
        int wakes = readerWakes.get();
        ZmqMessage m = pipe.poll();
        readerAsleepSince = m == null ? wakes : -1;
        return m == null ? null : m.first().text();
    }

    @Validate
    public void noSideSleepsThroughItsWakeUp() {
        if (readerAsleepSince >= 0 && readerWakes.get() == readerAsleepSince && !pipe.isEmpty()) {
            throw new IllegalStateException("lost wake-up: the reader sleeps over " + pipe.depth() + " messages");
        }
        if (writerAsleepSince >= 0 && writerWakes.get() == writerAsleepSince && pipe.depth() <= HWM / 2) {
            throw new IllegalStateException("lost wake-up: the writer sleeps with " + pipe.depth() + " queued");
        }
        if (pipe.depth() > HWM) {
            throw new IllegalStateException(pipe.depth() + " queued over an HWM of " + HWM);
        }
    }

    @Test
    void losesNoWakeUpNoMessageAndKeepsTheHwm() {
        new ModelCheckingOptions().iterations(40).invocationsPerIteration(1_000).threads(2).actorsPerThread(2).actorsBefore(2).actorsAfter(0)
                .check(getClass());
    }
}
