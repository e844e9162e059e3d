package dev.zmq.io;

import java.nio.channels.SelectionKey;

/**
 * Something registered with an {@link IoThread}'s selector (a listener, a connector, a connection). Called only on
 * that I/O thread.
 */
public interface IoHandler {

    /** The channel behind {@code key} is ready for the operations in {@code key.readyOps()}. */
    void onReady(SelectionKey key);
}
