package dev.zmq.pipe;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * Lincheck model-checks the queue under every interleaving of one producer and one consumer it explores: each
 * concurrent history must equal some sequential FIFO history (no element lost, duplicated or reordered). Each
 * scenario starts two slots before the end of the second chunk, so it links a new chunk, and that chunk is the spare
 * the consumer handed back: the paths where the two threads share memory. It found that {@code isEmpty()}, when it
 * compared the two positions, could say "not empty" just after the consumer took the last element.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:9")
public class SpscQueueLincheckTest {

    private final SpscQueue<Integer> queue = new SpscQueue<>();

    public SpscQueueLincheckTest() {
        for (int i = 0; i < 2 * 256 - 2; i++) {
            queue.offer(-1);
            queue.poll();
        }
    }

    @Operation(nonParallelGroup = "producer")
    public void offer(@Param(name = "value") int e) {
        queue.offer(e);
    }

    @Operation(nonParallelGroup = "consumer")
    public Integer poll() {
        return queue.poll();
    }

    @Operation(nonParallelGroup = "consumer")
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    @Test
    void isLinearizableUnderModelChecking() {
        new ModelCheckingOptions().iterations(40).invocationsPerIteration(1_000).threads(2).actorsPerThread(3)
                .check(getClass());
    }
}
