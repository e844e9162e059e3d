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
        /** A number the producer stores with each element ({@code null} unless the queue is tagged). */
        final long[] tags;
        Chunk next;

        Chunk(boolean tagged) {
            tags = tagged ? new long[CHUNK] : null;
        }
    }

    /** Elements written, published by the producer. */
    private final Counter written = new Counter();
    private final boolean tagged;
    // producer side
    private Chunk tail;
    private long tailIndex;
    // consumer side
    private Chunk head;
    private long headIndex;
    private long writtenSeen;
    private long lastTag;
    /** A spent chunk the consumer left for the producer to reuse. */
    @SuppressWarnings("unused")
    private Chunk spare;

    /** A queue of elements alone. */
    SpscQueue() {
        this(false);
    }

    /** A queue whose elements each carry a {@code long} tag ({@link #offer(Object, long)}, {@link #lastTag()}). */
    SpscQueue(boolean tagged) {
        this.tagged = tagged;
        this.tail = new Chunk(tagged);
        this.head = tail;
    }

    /** Appends {@code e}; producer only. */
    void offer(E e) {
        slot(e);
        publish();
    }

    /**
     * Appends {@code e} with {@code tag}, which the consumer reads from the queue's own memory after taking it, so it
     * need not touch the element (e.g. the running byte count of a pipe); producer only, tagged queues only.
     */
    void offer(E e, long tag) {
        int i = slot(e);
        tail.tags[i] = tag;
        publish();
    }

    /** Stores {@code e} in the next slot, linking a new chunk when needed; returns the slot's index. */
    private int slot(E e) {
        int i = (int) tailIndex & MASK;
        if (i == 0 && tailIndex != 0) {
            Chunk c = (Chunk) SPARE.getAndSet(this, (Chunk) null);
            if (c == null) {
                c = new Chunk(tagged);
            } else {
                c.next = null;
            }
            tail.next = c;
            tail = c;
        }
        tail.slots[i] = e;
        return i;
    }

    private void publish() {
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
        if (tagged) {
            lastTag = head.tags[i];
        }
        headIndex++;
        return v;
    }

    /** The tag of the element the last {@link #poll()} returned; consumer only, tagged queues only. */
    long lastTag() {
        return lastTag;
    }

    /** Whether nothing is queued; consumer side (a producer may be adding at the same time). */
    boolean isEmpty() {
        return headIndex == writtenSeen && headIndex == written.acquire();
    }
}
