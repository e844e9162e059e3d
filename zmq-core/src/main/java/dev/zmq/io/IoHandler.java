package dev.zmq.io;

import java.io.IOException;
import java.nio.channels.SelectionKey;

/**
 * Something registered with an {@link IoThread}'s selector (a listener, a connector, a connection). Called only on
 * that I/O thread.
 */
public interface IoHandler {

    /** The channel behind {@code key} is ready for the operations in {@code key.readyOps()}. */
    void onReady(SelectionKey key);

    /**
     * {@link #onReady} threw {@code error} (an {@link Error} included): end what this handler serves, and nothing
     * else, so the I/O thread goes on serving its other channels. By default the channel is closed; handlers with a
     * peer to tell (connections) close themselves with the reason.
     */
    default void failed(SelectionKey key, Throwable error) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing after a failure; nothing more to do
        }
    }
}
