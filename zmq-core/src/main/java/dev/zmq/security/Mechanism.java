package dev.zmq.security;

import dev.zmq.wire.Command;
import dev.zmq.wire.ProtocolException;

/**
 * A ZMTP security mechanism's handshake: what to send after the greeting and how to answer each handshake command,
 * reporting the outcome through the {@link HandshakeChannel}. One instance per connection.
 *
 * <p>Not thread-safe: used only by its connection's I/O thread. Methods throw
 * {@link dev.zmq.wire.ProtocolException} when the peer breaks the mechanism's rules or refuses us.
 */
public interface Mechanism {

    /** How every "the peer sent ERROR during the handshake" reason starts (sessions back off on it). */
    String REFUSED = "peer refused the handshake: ";

    /** The failure for an ERROR command received during the handshake. */
    static ProtocolException refused(Command error) {
        return new ProtocolException(REFUSED + error.errorReason());
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
     * Seals one frame ({@code flags}: {@link CurveMechanism#MORE}, {@link CurveMechanism#COMMAND}) into a MESSAGE
     * command. Only when {@link #encrypts()}.
     */
    default Command seal(int flags, byte[] body) {
        throw new UnsupportedOperationException(name() + " does not encrypt");
    }

    /** Opens a MESSAGE command: the flags byte, then the body. Only when {@link #encrypts()}. */
    default byte[] open(Command message) {
        throw new UnsupportedOperationException(name() + " does not encrypt");
    }
}
