package dev.zmq.security;

import dev.zmq.wire.Command;
import dev.zmq.wire.Metadata;

import java.util.function.Consumer;

/**
 * A ZMTP security mechanism's handshake: what to send after the greeting, how to answer each handshake command,
 * and what it learned about the peer. One instance per connection.
 *
 * <p>Not thread-safe: used only by its connection's I/O thread. Methods throw
 * {@link dev.zmq.wire.ProtocolException} when the peer breaks the mechanism's rules or refuses us.
 */
public interface Mechanism {

    /** The name announced in the greeting, e.g. {@code NULL}. */
    String name();

    /** Whether we play the server role (announced in the greeting). */
    boolean asServer();

    /** Sends the commands that open the handshake, if this side speaks first. */
    void start(Consumer<Command> send);

    /**
     * Handles one handshake command from the peer, sending any answer through {@code send}.
     *
     * @return {@code true} when the handshake is complete
     */
    boolean onCommand(Command command, Consumer<Command> send);

    /** The peer's metadata (READY properties); valid once the handshake is complete. */
    Metadata peerMetadata();
}
