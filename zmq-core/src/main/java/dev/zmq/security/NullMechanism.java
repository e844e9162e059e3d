package dev.zmq.security;

import dev.zmq.wire.Command;
import dev.zmq.wire.Metadata;
import dev.zmq.wire.ProtocolException;

import java.util.function.Consumer;

/**
 * The NULL mechanism (RFC 37): no security; each side sends READY with its metadata and waits for the peer's.
 *
 * <p>Not thread-safe; one instance per connection.
 */
public final class NullMechanism implements Mechanism {

    /** The mechanism name on the wire. */
    public static final String NAME = "NULL";

    private final Metadata ours;
    private Metadata peer;

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
    public void start(Consumer<Command> send) {
        send.accept(new Command(Command.READY, ours.toBytes()));
    }

    @Override
    public boolean onCommand(Command command, Consumer<Command> send) {
        if (command.is(Command.ERROR)) {
            throw new ProtocolException("peer refused the handshake: " + command.errorReason());
        }
        if (!command.is(Command.READY)) {
            throw new ProtocolException("unexpected " + command.name() + " command during the NULL handshake");
        }
        peer = Metadata.decode(command.data(), 0);
        return true;
    }

    @Override
    public Metadata peerMetadata() {
        return peer;
    }
}
