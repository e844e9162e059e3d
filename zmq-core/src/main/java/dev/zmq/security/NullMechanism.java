package dev.zmq.security;

import dev.zmq.wire.Command;
import dev.zmq.wire.Metadata;
import dev.zmq.wire.ProtocolException;


/**
 * The NULL mechanism (RFC 37): no security; each side sends READY with its metadata and waits for the peer's.
 *
 * <p>Not thread-safe; one instance per connection.
 */
public final class NullMechanism implements Mechanism {

    /** The mechanism name on the wire. */
    public static final String NAME = "NULL";

    private final Metadata ours;

    /** A NULL handshake announcing {@code ours} in READY. */
    public NullMechanism(Metadata ours) {
        this.ours = ours;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean asServer() {
        return false;
    }

    @Override
    public void start(HandshakeChannel channel) {
        channel.send(new Command(Command.READY, ours.toBytes()));
    }

    @Override
    public void onCommand(Command command, HandshakeChannel channel) {
        if (command.is(Command.ERROR)) {
            throw Mechanism.refused(command);
        }
        if (!command.is(Command.READY)) {
            throw new ProtocolException("unexpected " + command.name() + " command during the NULL handshake");
        }
        channel.completed(Metadata.decode(command.data(), 0), "");
    }
}
