package dev.zmq.pipe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An unbounded single-producer single-consumer linked queue: no compare-and-set on either side, one release store
 * per offer. Backs {@link Pipe}.
 *
 * <p>Thread-safety: exactly one thread offers and one thread polls at a time (either may change with a
 * happens-before edge, as when a socket is handed to another thread).
 *
 * @param <E> the element type
 */
final class SpscQueue<E> {

    private static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(Node.class, "next", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Node<E> {
        E value;
        Node<E> next;

        Node(E value) {
            this.value = value;
        }
    }

    /** Consumer side: the node before the first element. */
    private Node<E> head = new Node<>(null);
    /** Producer side: the last node. */
    private Node<E> tail = head;

    /** Appends {@code e}; producer only. */
    void offer(E e) {
        Node<E> n = new Node<>(e);
        NEXT.setRelease(tail, n);
        tail = n;
    }

    /** Takes the first element, or {@code null}; consumer only. */
    @SuppressWarnings("unchecked")
    E poll() {
        Node<E> next = (Node<E>) NEXT.getAcquire(head);
        if (next == null) {
            return null;
        }
        E v = next.value;
        next.value = null;
        head = next;
        return v;
    }

    /** Whether nothing is queued; consumer side (a producer may be adding at the same time). */
    boolean isEmpty() {
        return NEXT.getAcquire(head) == null;
    }
}
