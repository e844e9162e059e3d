package dev.zmq.pipe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An unbounded single-producer single-consumer queue of array chunks: no compare-and-set on either side, no
 * allocation per element (a chunk of {@value #CHUNK} slots at a time, and the consumer hands its spent chunk back to
 * the producer for reuse), one release store per offer. The published count sits on a cache line of its own and the
 * consumer re-reads it only when its cached copy says empty, so a streaming producer and consumer do not bounce a
 * cache line per element. Backs {@link Pipe}.
 *
 * <p>Thread-safety: exactly one thread offers and one thread polls at a time (either may change with a
 * happens-before edge, as when a socket is handed to another thread).
 *
 * @param <E> the element type
 */
final class SpscQueue<E> {

    private static final int CHUNK = 256;
    private static final int MASK = CHUNK - 1;
    private static final VarHandle SPARE;

    static {
        try {
            SPARE = MethodHandles.lookup().findVarHandle(SpscQueue.class, "spare", Chunk.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Chunk {
        final Object[] slots = new Object[CHUNK];
        Chunk next;
    }

    /** Elements written, published by the producer. */
    private final Counter written = new Counter();
    // producer side
    private Chunk tail = new Chunk();
    private long tailIndex;
    // consumer side
    private Chunk head = tail;
    private long headIndex;
    private long writtenSeen;
    /** A spent chunk the consumer left for the producer to reuse. */
    @SuppressWarnings("unused")
    private Chunk spare;

    /** Appends {@code e}; producer only. */
    void offer(E e) {
        int i = (int) tailIndex & MASK;
        if (i == 0 && tailIndex != 0) {
            Chunk c = (Chunk) SPARE.getAndSet(this, (Chunk) null);
            if (c == null) {
                c = new Chunk();
            } else {
                c.next = null;
            }
            tail.next = c;
            tail = c;
        }
        tail.slots[i] = e;
        tailIndex++;
        written.publish(tailIndex);
    }

    /** Takes the first element, or {@code null}; consumer only. */
    @SuppressWarnings("unchecked")
    E poll() {
        if (headIndex == writtenSeen) {
            writtenSeen = written.acquire();
            if (headIndex == writtenSeen) {
                return null;
            }
        }
        int i = (int) headIndex & MASK;
        if (i == 0 && headIndex != 0) {
            Chunk spent = head;
            head = spent.next;
            SPARE.setRelease(this, spent);
        }
        Object[] slots = head.slots;
        E v = (E) slots[i];
        slots[i] = null;
        headIndex++;
        return v;
    }

    /** Whether nothing is queued; consumer side (a producer may be adding at the same time). */
    boolean isEmpty() {
        return headIndex == writtenSeen && headIndex == written.acquire();
    }
}
