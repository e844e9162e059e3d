package dev.zmq.security;

import dev.zmq.wire.Command;
import dev.zmq.wire.Metadata;
import dev.zmq.wire.ProtocolException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The PLAIN mechanism (RFC 24): the client sends HELLO with a user name and password, the server asks its ZAP
 * handler (if one is bound; without one every client is accepted, as in libzmq) and answers WELCOME or ERROR; then
 * INITIATE and READY carry each side's metadata. Credentials travel in clear text: use it on trusted networks or
 * under CURVE-like protection only.
 *
 * <p>Not thread-safe; one instance per connection.
 */
public final class PlainMechanism implements Mechanism {

    /** The mechanism name on the wire. */
    public static final String NAME = "PLAIN";
    private static final String HELLO = "HELLO";
    private static final String WELCOME = "WELCOME";
    private static final String INITIATE = "INITIATE";


    private final Metadata ours;
    private final boolean server;
    private final String username;
    private final String password;
    /** The ZAP link a server asks; {@code null} on a client. */
    private final @Nullable Zap zap;
    private final String domain;
    private HandshakeStep step;
    private String userId = "";

    private PlainMechanism(Metadata ours, boolean server, String username, String password, @Nullable Zap zap,
                           String domain) {
        this.ours = ours;
        this.server = server;
        this.username = username;
        this.password = password;
        this.zap = zap;
        this.domain = domain;
        this.step = server ? HandshakeStep.EXPECT_HELLO : HandshakeStep.EXPECT_WELCOME;
    }

    /** A client presenting {@code username} and {@code password}. */
    public static PlainMechanism client(Metadata ours, String username, String password) {
        return new PlainMechanism(ours, false, username, password, null, "");
    }

    /** A server authenticating clients through {@code zap} in {@code domain}. */
    public static PlainMechanism server(Metadata ours, Zap zap, String domain) {
        return new PlainMechanism(ours, true, "", "", zap, domain);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean asServer() {
        return server;
    }

    @Override
    public void start(HandshakeChannel channel) {
        if (!server) {
            byte[] user = username.getBytes(StandardCharsets.UTF_8);
            byte[] pass = password.getBytes(StandardCharsets.UTF_8);
            byte[] hello = new byte[2 + user.length + pass.length];
            hello[0] = (byte) user.length;
            System.arraycopy(user, 0, hello, 1, user.length);
            hello[1 + user.length] = (byte) pass.length;
            System.arraycopy(pass, 0, hello, 2 + user.length, pass.length);
            channel.send(new Command(HELLO, hello));
        }
    }

    @Override
    public void onCommand(Command command, HandshakeChannel channel) {
        step.check(command, NAME);
        switch (step) {
            case EXPECT_HELLO -> onHello(command.data(), channel);
            case EXPECT_INITIATE -> {
                Metadata peer = Metadata.decode(command.data(), 0);
                channel.send(new Command(Command.READY, ours.toBytes()));
                step = HandshakeStep.DONE;
                channel.completed(peer, userId);
            }
            case EXPECT_WELCOME -> {
                channel.send(new Command(INITIATE, ours.toBytes()));
                step = HandshakeStep.EXPECT_READY;
            }
            default -> {
                step = HandshakeStep.DONE;
                channel.completed(Metadata.decode(command.data(), 0), "");
            }
        }
    }

    private void onHello(byte[] d, HandshakeChannel channel) {
        int userLength = d.length > 0 ? d[0] & 0xFF : -1;
        int passAt = 1 + userLength;
        if (userLength < 0 || passAt >= d.length || passAt + 1 + (d[passAt] & 0xFF) != d.length) {
            throw new ProtocolException("malformed PLAIN HELLO (" + d.length + " bytes)");
        }
        byte[] user = new byte[userLength];
        System.arraycopy(d, 1, user, 0, userLength);
        byte[] pass = new byte[d[passAt] & 0xFF];
        System.arraycopy(d, passAt + 1, pass, 0, pass.length);
        step = HandshakeStep.AUTHENTICATING;
        ZapCheck.authenticate(Objects.requireNonNull(zap, "a server has a ZAP link"), domain, NAME,
                List.of(user, pass), channel, id -> welcome(channel, id));
    }

    private void welcome(HandshakeChannel channel, String authenticatedUser) {
        userId = authenticatedUser;
        channel.send(new Command(WELCOME, new byte[0]));
        step = HandshakeStep.EXPECT_INITIATE;
    }
}
