package dev.zmq.security;

import dev.zmq.wire.Command;
import dev.zmq.wire.ProtocolException;
import dev.zmq.wire.WireFrame;

/**
 * A ZMTP security mechanism's handshake: what to send after the greeting and how to answer each handshake command,
 * reporting the outcome through the {@link HandshakeChannel}. One instance per connection.
 *
 * <p>Not thread-safe: used only by its connection's I/O thread. Methods throw
 * {@link dev.zmq.wire.ProtocolException} when the peer breaks the mechanism's rules or refuses us.
 */
public interface Mechanism {

    /** How every "the peer sent ERROR during the handshake" reason starts. */
    String REFUSED = "peer refused the handshake: ";

    /** The failure for an ERROR command received during the handshake. */
    static ProtocolException refused(Command error) {
        return new RefusedException(error.errorReason());
    }

    /** The name announced in the greeting, e.g. {@code NULL}. */
    String name();

    /** Whether we play the server role (announced in the greeting). */
    boolean asServer();

    /** Sends the commands that open the handshake, if this side speaks first. */
    void start(HandshakeChannel channel);

    /** Handles one handshake command from the peer. */
    void onCommand(Command command, HandshakeChannel channel);

    /** Whether every frame and command is sealed in a MESSAGE command once the handshake is done (CURVE). */
    default boolean encrypts() {
        return false;
    }

    /**
     * Seals one frame into a MESSAGE command. Only when {@link #encrypts()}.
     *
     * @param frameFlags the frame's ZMTP flags ({@link dev.zmq.wire.FrameFlags#MORE},
     *                   {@link dev.zmq.wire.FrameFlags#COMMAND}); the mechanism writes them in its own form
     */
    default Command seal(int frameFlags, byte[] body) {
        throw new UnsupportedOperationException(name() + " does not encrypt");
    }

    /** Opens a MESSAGE command into the frame it carries, with ZMTP flags. Only when {@link #encrypts()}. */
    default WireFrame open(Command message) {
        throw new UnsupportedOperationException(name() + " does not encrypt");
    }
}
