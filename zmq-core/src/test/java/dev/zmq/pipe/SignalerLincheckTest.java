package dev.zmq.pipe;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lincheck model-checks a signaler's record of wake-ups between a waking thread and the waiting one: every history
 * must be a sequential one, in which {@code consume()} says whether {@code wake()} came since the last consume, so a
 * wake that races with a consume is never lost (it is that consume's, or the next one's). A follower (a poller
 * following a socket) must have been woken once every wake has returned. (Parking itself is {@code LockSupport}'s:
 * an unpark before the park is kept as a permit.)
 */
public class SignalerLincheckTest {

    private final Signaler signaler = new Signaler();
    private final Signaler follower = new Signaler();
    private final AtomicInteger wakesSinceValidation = new AtomicInteger();

    public SignalerLincheckTest() {
        signaler.addFollower(follower);
    }

    @Operation(nonParallelGroup = "waker")
    public void wake() {
        signaler.wake();
        wakesSinceValidation.incrementAndGet();
    }

    @Operation(nonParallelGroup = "waiter")
    public boolean consume() {
        return signaler.consume();
    }

    @Validate
    public void theFollowerWasWoken() {
        if (wakesSinceValidation.getAndSet(0) > 0 && !follower.consume()) {
            throw new IllegalStateException("a wake did not reach the follower");
        }
    }

    @Test
    void keepsEveryWakeUntilItIsConsumed() {
        new ModelCheckingOptions().iterations(30).invocationsPerIteration(1_000).threads(2).actorsPerThread(3)
                .check(getClass());
    }
}
