package dev.zmq.security;

import dev.zmq.wire.Command;
import dev.zmq.wire.ProtocolException;

/**
 * Where a PLAIN or CURVE handshake stands (both follow HELLO, WELCOME, INITIATE, READY), and which command may come
 * next. Immutable constants.
 */
enum HandshakeStep {
    /** Server: waiting for the client's HELLO. */
    EXPECT_HELLO("HELLO"),
    /** Client: waiting for the server's WELCOME. */
    EXPECT_WELCOME("WELCOME"),
    /** Server: waiting for the client's INITIATE. */
    EXPECT_INITIATE("INITIATE"),
    /** Client: waiting for the server's READY. */
    EXPECT_READY(Command.READY),
    /** Server: waiting for the ZAP handler; the peer must send nothing. */
    AUTHENTICATING("nothing"),
    /** Finished. */
    DONE("nothing");

    private final String expected;

    HandshakeStep(String expected) {
        this.expected = expected;
    }

    /**
     * Checks that {@code command} is the one this step waits for.
     *
     * @throws ProtocolException the peer's refusal for an ERROR, a clear reason for anything else unexpected
     */
    void check(Command command, String mechanism) {
        if (command.is(Command.ERROR)) {
            throw Mechanism.refused(command);
        }
        if (!command.is(expected)) {
            throw new ProtocolException("unexpected " + command.name() + " command in the " + mechanism
                    + " handshake (expected " + expected + ")");
        }
    }
}
