package dev.zmq.security;

import dev.zmq.ErrorCode;
import dev.zmq.ZmqException;
import dev.zmq.wire.Command;
import dev.zmq.wire.FrameFlags;
import dev.zmq.wire.Metadata;
import dev.zmq.wire.ProtocolException;
import dev.zmq.wire.WireFrame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The CURVE mechanism (RFC 26, CurveZMQ): short-term keys per connection, the server's cookie, the client's vouch,
 * then every frame and command sealed in a MESSAGE command with a strictly increasing nonce. The server may ask its
 * ZAP handler about the client's long-term public key. Needs BouncyCastle ({@code bcprov-jdk18on}).
 *
 * <p>Not thread-safe; one instance per connection. Handshake violations, boxes that do not open and nonces that do
 * not increase throw {@link ProtocolException}.
 */
public final class CurveMechanism implements Mechanism {

    /** The mechanism name on the wire. */
    public static final String NAME = "CURVE";
    /** Inside a MESSAGE: more frames follow. */
    private static final int MORE = 0x01;
    /** Inside a MESSAGE: the body is a command (PING, SUBSCRIBE, ...). */
    private static final int COMMAND = 0x02;

    private static final String HELLO = "HELLO";
    private static final String WELCOME = "WELCOME";
    private static final String INITIATE = "INITIATE";


    private final boolean server;
    private final Metadata ours;
    private final byte[] publicKey;
    private final byte[] secretKey;
    /** The server's long-term public key, which a client knows; {@code null} on the server. */
    private final byte @Nullable [] serverKey;
    /** The ZAP link a server asks; {@code null} on a client. */
    private final @Nullable Zap zap;
    private final String domain;
    private final byte[] shortPublic;
    private final byte[] shortSecret;
    /** Learnt during the handshake: {@code null} until the step that sets each. */
    private byte @Nullable [] peerShortPublic;
    private byte @Nullable [] sessionKey;
    private byte @Nullable [] cookieKey;
    private long nonce = 1;
    private long peerNonce;
    private HandshakeStep step;

    private CurveMechanism(boolean server, Metadata ours, byte[] publicKey, byte[] secretKey,
                           byte @Nullable [] serverKey, @Nullable Zap zap, String domain) {
        this.server = server;
        this.ours = ours;
        this.publicKey = publicKey;
        this.secretKey = secretKey;
        this.serverKey = serverKey;
        this.zap = zap;
        this.domain = domain;
        byte[][] shortTerm = CryptoBox.keyPair();
        this.shortPublic = shortTerm[0];
        this.shortSecret = shortTerm[1];
        this.step = server ? HandshakeStep.EXPECT_HELLO : HandshakeStep.EXPECT_WELCOME;
    }

    /**
     * A client with long-term keys {@code publicKey}/{@code secretKey} talking to the server {@code serverKey}; with
     * no secret key it uses a throw-away pair (the server then cannot recognise it by key).
     */
    public static CurveMechanism client(Metadata ours, byte[] publicKey, byte[] secretKey, byte[] serverKey) {
        if (secretKey.length != 32) {
            byte[][] pair = CryptoBox.keyPair();
            return new CurveMechanism(false, ours, pair[0], pair[1], serverKey, null, "");
        }
        byte[] pub = publicKey.length == 32 ? publicKey : CryptoBox.publicKey(secretKey);
        return new CurveMechanism(false, ours, pub, secretKey, serverKey, null, "");
    }

    /** A server with long-term secret key {@code secretKey}, asking {@code zap} about clients. */
    public static CurveMechanism server(Metadata ours, byte[] secretKey, Zap zap, String domain) {
        return new CurveMechanism(true, ours, CryptoBox.publicKey(secretKey), secretKey, null, zap, domain);
    }

    /** A new long-term key pair, Z85-encoded: {@code [public, secret]} (for {@code zmq keygen}). */
    public static String[] newKeyPair() {
        requireProvider();
        byte[][] pair = CryptoBox.keyPair();
        return new String[] {Z85.encode(pair[0]), Z85.encode(pair[1])};
    }

    /**
     * Checks BouncyCastle is on the class path.
     *
     * @throws ZmqException ENOTSUP naming the missing library
     */
    public static void requireProvider() {
        try {
            Class.forName("org.bouncycastle.math.ec.rfc7748.X25519", false, CurveMechanism.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ZmqException(ErrorCode.ENOTSUP, "CURVE needs BouncyCastle: add org.bouncycastle:bcprov-jdk18on "
                    + "to the class path", e);
        }
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
    public boolean encrypts() {
        return true;
    }

    @Override
    public void start(HandshakeChannel channel) {
        if (server) {
            return;
        }
        long n = nonce++;
        byte[] signature = CryptoBox.seal(CryptoBox.sharedKey(serverKey(), shortSecret), nonce("CurveZMQHELLO---", n),
                new byte[64]);
        ByteBuffer hello = ByteBuffer.allocate(194).put((byte) 1).put((byte) 0).put(new byte[72]).put(shortPublic)
                .putLong(n).put(signature);
        channel.send(new Command(HELLO, hello.array()));
    }

    @Override
    public void onCommand(Command command, HandshakeChannel channel) {
        step.check(command, NAME);
        byte[] d = command.data();
        switch (step) {
            case EXPECT_HELLO -> onHello(d, channel);
            case EXPECT_WELCOME -> onWelcome(d, channel);
            case EXPECT_INITIATE -> onInitiate(d, channel);
            default -> onReady(d, channel);
        }
    }

    private void onHello(byte[] d, HandshakeChannel channel) {
        if (d.length != 194 || d[0] != 1 || d[1] != 0) {
            throw new ProtocolException("malformed CURVE HELLO (" + d.length + " bytes)");
        }
        peerShortPublic = Arrays.copyOfRange(d, 74, 106);
        peerNonce = ByteBuffer.wrap(d, 106, 8).getLong();
        byte[] signature = CryptoBox.open(CryptoBox.sharedKey(peerShortPublic, secretKey),
                nonce("CurveZMQHELLO---", peerNonce), d, 114, 80, "the HELLO signature (does the client use our "
                        + "public key as its server key?)");
        if (!Arrays.equals(signature, new byte[64])) {
            throw new ProtocolException("the CURVE HELLO signature is not 64 zero bytes");
        }
        cookieKey = random(32);
        byte[] cookieNonce = random(16);
        byte[] cookie = concat(cookieNonce, CryptoBox.seal(cookieKey, nonce("COOKIE--", cookieNonce),
                concat(peerShortPublic, shortSecret)));
        byte[] welcomeNonce = random(16);
        byte[] box = CryptoBox.seal(CryptoBox.sharedKey(peerShortPublic, secretKey), nonce("WELCOME-", welcomeNonce),
                concat(shortPublic, cookie));
        channel.send(new Command(WELCOME, concat(welcomeNonce, box)));
        step = HandshakeStep.EXPECT_INITIATE;
    }

    private void onWelcome(byte[] d, HandshakeChannel channel) {
        if (d.length != 160) {
            throw new ProtocolException("malformed CURVE WELCOME (" + d.length + " bytes)");
        }
        byte[] plain = CryptoBox.open(CryptoBox.sharedKey(serverKey(), shortSecret),
                nonce("WELCOME-", Arrays.copyOfRange(d, 0, 16)), d, 16, 144,
                "the WELCOME box (is CURVE_SERVERKEY the server's public key?)");
        peerShortPublic = Arrays.copyOfRange(plain, 0, 32);
        byte[] cookie = Arrays.copyOfRange(plain, 32, 128);
        sessionKey = CryptoBox.sharedKey(peerShortPublic, shortSecret);
        byte[] vouchNonce = random(16);
        byte[] vouch = concat(vouchNonce, CryptoBox.seal(CryptoBox.sharedKey(peerShortPublic, secretKey),
                nonce("VOUCH---", vouchNonce), concat(shortPublic, serverKey())));
        long n = nonce++;
        byte[] box = CryptoBox.seal(sessionKey, nonce("CurveZMQINITIATE", n),
                concat(concat(publicKey, vouch), ours.toBytes()));
        channel.send(new Command(INITIATE, ByteBuffer.allocate(96 + 8 + box.length).put(cookie).putLong(n).put(box)
                .array()));
        step = HandshakeStep.EXPECT_READY;
    }

    private void onInitiate(byte[] d, HandshakeChannel channel) {
        if (d.length < 96 + 8 + 16 + 128) {
            throw new ProtocolException("malformed CURVE INITIATE (" + d.length + " bytes)");
        }
        // the server's step before (EXPECT_HELLO) set both
        byte[] ourCookieKey = Objects.requireNonNull(cookieKey, "HELLO set the cookie key");
        byte[] peerShort = Objects.requireNonNull(peerShortPublic, "HELLO set the client's short-term key");
        byte[] cookie = CryptoBox.open(ourCookieKey, nonce("COOKIE--", Arrays.copyOfRange(d, 0, 16)), d, 16, 80,
                "the INITIATE cookie");
        if (!Arrays.equals(cookie, concat(peerShort, shortSecret))) {
            throw new ProtocolException("the CURVE INITIATE cookie is not ours");
        }
        long n = checkNonce(ByteBuffer.wrap(d, 96, 8).getLong(), "INITIATE");
        byte[] key = CryptoBox.sharedKey(peerShort, shortSecret);
        sessionKey = key;
        byte[] plain = CryptoBox.open(key, nonce("CurveZMQINITIATE", n), d, 104, d.length - 104,
                "the INITIATE box");
        byte[] clientKey = Arrays.copyOfRange(plain, 0, 32);
        byte[] vouch = CryptoBox.open(CryptoBox.sharedKey(clientKey, shortSecret),
                nonce("VOUCH---", Arrays.copyOfRange(plain, 32, 48)), plain, 48, 80, "the INITIATE vouch");
        if (!Arrays.equals(vouch, concat(peerShort, publicKey))) {
            throw new ProtocolException("the CURVE vouch does not name this connection and server");
        }
        Metadata peer = Metadata.decode(Arrays.copyOfRange(plain, 128, plain.length), 0);
        step = HandshakeStep.AUTHENTICATING;
        ZapCheck.authenticate(Objects.requireNonNull(zap, "a server has a ZAP link"), domain, NAME, List.of(clientKey),
                channel, id -> ready(channel, peer, id));
    }

    /** The server's public key, which every client is made with. */
    private byte[] serverKey() {
        return Objects.requireNonNull(serverKey, "a client knows the server's key");
    }

    /** The session key, which the handshake agrees before anything is sealed or opened with it. */
    private byte[] sessionKey() {
        return Objects.requireNonNull(sessionKey, "the handshake agreed the session key");
    }

    private void ready(HandshakeChannel channel, Metadata peer, String userId) {
        long n = nonce++;
        byte[] box = CryptoBox.seal(sessionKey(), nonce("CurveZMQREADY---", n), ours.toBytes());
        channel.send(new Command(Command.READY, ByteBuffer.allocate(8 + box.length).putLong(n).put(box).array()));
        step = HandshakeStep.DONE;
        channel.completed(peer, userId);
    }

    private void onReady(byte[] d, HandshakeChannel channel) {
        if (d.length < 8 + 16) {
            throw new ProtocolException("malformed CURVE READY (" + d.length + " bytes)");
        }
        long n = checkNonce(ByteBuffer.wrap(d, 0, 8).getLong(), "READY");
        byte[] plain = CryptoBox.open(sessionKey(), nonce("CurveZMQREADY---", n), d, 8, d.length - 8, "the READY box");
        step = HandshakeStep.DONE;
        channel.completed(Metadata.decode(plain, 0), "");
    }

    @Override
    public Command seal(int frameFlags, byte[] body) {
        long n = nonce++;
        byte[] plain = new byte[1 + body.length];
        plain[0] = (byte) (((frameFlags & FrameFlags.MORE) != 0 ? MORE : 0)
                | ((frameFlags & FrameFlags.COMMAND) != 0 ? COMMAND : 0));
        System.arraycopy(body, 0, plain, 1, body.length);
        byte[] box = CryptoBox.seal(sessionKey(), nonce(server ? "CurveZMQMESSAGES" : "CurveZMQMESSAGEC", n), plain);
        return new Command(Command.MESSAGE, ByteBuffer.allocate(8 + box.length).putLong(n).put(box).array());
    }

    @Override
    public WireFrame open(Command message) {
        if (!message.is(Command.MESSAGE)) {
            throw new ProtocolException("unencrypted " + message.name() + " command on a CURVE connection");
        }
        byte[] d = message.data();
        if (d.length < 8 + 16 + 1) {
            throw new ProtocolException("malformed CURVE MESSAGE (" + d.length + " bytes)");
        }
        long n = checkNonce(ByteBuffer.wrap(d, 0, 8).getLong(), "MESSAGE");
        byte[] plain = CryptoBox.open(sessionKey(), nonce(server ? "CurveZMQMESSAGEC" : "CurveZMQMESSAGES", n), d, 8,
                d.length - 8, "a MESSAGE");
        int flags = ((plain[0] & MORE) != 0 ? FrameFlags.MORE : 0) | ((plain[0] & COMMAND) != 0 ? FrameFlags.COMMAND : 0);
        return new WireFrame(flags, Arrays.copyOfRange(plain, 1, plain.length));
    }

    private long checkNonce(long n, String what) {
        if (Long.compareUnsigned(n, peerNonce) <= 0) {
            throw new ProtocolException("CURVE " + what + " nonce " + Long.toUnsignedString(n)
                    + " does not increase (replayed or reordered)");
        }
        peerNonce = n;
        return n;
    }

    private static byte[] nonce(String prefix, long counter) {
        return ByteBuffer.allocate(24).put(prefix.getBytes(StandardCharsets.US_ASCII)).putLong(counter).array();
    }

    private static byte[] nonce(String prefix, byte[] random16) {
        return concat(prefix.getBytes(StandardCharsets.US_ASCII), random16);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        CryptoBox.RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
