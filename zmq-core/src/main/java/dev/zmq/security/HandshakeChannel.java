package dev.zmq.security;

import dev.zmq.wire.Command;
import dev.zmq.wire.Metadata;

/**
 * What a {@link Mechanism} can do with its connection during the handshake. Provided by the connection's engine;
 * used only on its I/O thread, except {@link #onIoThread}, which may be called from any thread.
 */
public interface HandshakeChannel {

    /** Queues a handshake command to the peer. */
    void send(Command command);

    /** The handshake succeeded: the peer announced {@code peerMetadata}, authenticated as {@code userId}. */
    void completed(Metadata peerMetadata, String userId);

    /** The peer is refused: an ERROR with {@code reason} goes out and the connection closes. */
    void refuse(String reason);

    /** Runs {@code task} on the connection's I/O thread if the handshake is still going (e.g. after a ZAP reply). */
    void onIoThread(Runnable task);

    /** The peer's address, e.g. {@code 127.0.0.1} (for ZAP requests). */
    String peerAddress();
}
