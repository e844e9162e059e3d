package dev.zmq.pipe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * An unbounded single-producer single-consumer queue of array chunks: no compare-and-set on either side, no
 * allocation per element (a chunk of {@value #CHUNK} slots at a time, and the consumer hands its spent chunk back to
 * the producer for reuse). An element is published by the release store of its slot, and the consumer finds the next
 * one by reading that slot, so neither side reads a count the other writes: per element, the only memory both
 * threads touch is the slot itself. Each side's position sits on cache lines of its own. Backs {@link Pipe}.
 *
 * <p>Thread-safety: exactly one thread offers and one thread polls at a time (either may change with a
 * happens-before edge, as when a socket is handed to another thread).
 *
 * @param <E> the element type (never {@code null})
 */
final class SpscQueue<E> {

    private static final int CHUNK = 256;
    private static final int MASK = CHUNK - 1;
    /** The tags of a chunk of an untagged queue: none. */
    private static final long[] UNTAGGED = new long[0];
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle SPARE;
    private static final VarHandle NEXT;

    static {
        try {
            SPARE = MethodHandles.lookup().findVarHandle(SpscQueue.class, "spare", Chunk.class);
            NEXT = MethodHandles.lookup().findVarHandle(Chunk.class, "next", Chunk.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Chunk {
        final Object[] slots = new Object[CHUNK];
        /** A number the producer stores with each element (empty, {@link #UNTAGGED}, unless the queue is tagged). */
        final long[] tags;
        @Nullable Chunk next;

        Chunk(boolean tagged) {
            tags = tagged ? new long[CHUNK] : UNTAGGED;
        }
    }

    private final boolean tagged;
    /** Elements offered: the producer's position, which only the producer reads (the consumer reads slots). */
    private final Counter offered = new Counter();
    /** Elements taken: the consumer's position, which only the consumer reads. */
    private final Counter taken = new Counter();
    /** The producer's chunk. */
    private Chunk tail;
    /** The consumer's chunk. */
    private Chunk head;
    /** A spent chunk the consumer left for the producer to reuse. */
    @SuppressWarnings("unused")
    private @Nullable Chunk spare;

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
        long n = offered.plain();
        SLOT.setRelease(chunkFor(n).slots, (int) n & MASK, e);
        offered.set(n + 1);
    }

    /**
     * Appends {@code e} with {@code tag}, which the consumer reads from the queue's own memory after taking it, so it
     * need not touch the element (e.g. the running byte count of a pipe); producer only, tagged queues only.
     */
    void offer(E e, long tag) {
        long n = offered.plain();
        Chunk c = chunkFor(n);
        int i = (int) n & MASK;
        c.tags[i] = tag;
        SLOT.setRelease(c.slots, i, e);
        offered.set(n + 1);
    }

    /** The chunk element {@code n} goes to, linking a new (or the spare) chunk when the tail is full. */
    private Chunk chunkFor(long n) {
        if ((n & MASK) == 0 && n != 0) {
            Chunk c = (Chunk) SPARE.getAndSet(this, (Chunk) null);
            if (c == null) {
                c = new Chunk(tagged);
            } else {
                c.next = null;
            }
            NEXT.setRelease(tail, c);
            tail = c;
        }
        return tail;
    }

    /** Takes the first element, or {@code null}; consumer only. */
    @SuppressWarnings("unchecked")
    @Nullable E poll() {
        long n = taken.plain();
        int i = (int) n & MASK;
        Chunk c = consumerChunk(n);
        if (c == null) {
            return null;
        }
        E e = (E) SLOT.getAcquire(c.slots, i);
        if (e == null) {
            return null;
        }
        if (c != head) {
            Chunk spent = head;
            head = c;
            SPARE.setRelease(this, spent);
        }
        c.slots[i] = null;
        taken.set(n + 1);
        return e;
    }

    /** The tag of the element the last {@link #poll()} returned; consumer only, tagged queues only. */
    long lastTag() {
        return head.tags[(int) (taken.plain() - 1) & MASK];
    }

    /**
     * Whether nothing is queued; consumer only (a producer may be adding at the same time). It looks at the slot the
     * next {@link #poll()} would take, as poll does: comparing the two positions instead could say "not empty" just
     * after the consumer took an element whose producer had not yet advanced its position (Lincheck found that).
     */
    boolean isEmpty() {
        long n = taken.plain();
        Chunk c = consumerChunk(n);
        return c == null || SLOT.getAcquire(c.slots, (int) n & MASK) == null;
    }

    /**
     * The chunk holding element {@code n} (the consumer's next): its current one, or at a chunk boundary the one the
     * producer linked after it, {@code null} while there is none; consumer only.
     */
    private Chunk consumerChunk(long n) {
        return ((int) n & MASK) == 0 && n != 0 ? (Chunk) NEXT.getAcquire(head) : head;
    }
}
