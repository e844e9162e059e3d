package dev.zmq.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A ZMTP command: a name (1..255 ASCII bytes) and data (RFC 37). Known names are constants here.
 *
 * <p>Immutable. {@link #parse(byte[])} throws {@link ProtocolException} for a truncated command.
 *
 * @param name the command name, e.g. {@code READY}
 * @param data the command data after the name
 */
public record Command(String name, byte[] data) {

    public static final String READY = "READY";
    public static final String ERROR = "ERROR";
    public static final String PING = "PING";
    public static final String PONG = "PONG";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String CANCEL = "CANCEL";
    /** RADIO/DISH: a DISH joins a group (RFC 48). */
    public static final String JOIN = "JOIN";
    /** RADIO/DISH: a DISH leaves a group. */
    public static final String LEAVE = "LEAVE";
    /** CURVE: a sealed frame or command. */
    public static final String MESSAGE = "MESSAGE";

    /**
     * libzmq 4.3's ERROR as its PLAIN and CURVE servers send it: the C literal {@code "\x5ERROR"} swallows the
     * {@code E} into the hex escape, so the name arrives as byte 0x5E followed by {@code RROR}.
     */
    private static final byte[] LIBZMQ_ERROR = {0x5E, 'R', 'R', 'O', 'R'};

    /** Parses a command frame's body. */
    public static Command parse(byte[] body) {
        if (body.length == 0) {
            throw new ProtocolException("empty command frame");
        }
        if (body.length >= LIBZMQ_ERROR.length
                && Arrays.equals(body, 0, LIBZMQ_ERROR.length, LIBZMQ_ERROR, 0, LIBZMQ_ERROR.length)) {
            return new Command(ERROR, Arrays.copyOfRange(body, LIBZMQ_ERROR.length, body.length));
        }
        int nameLength = body[0] & 0xFF;
        if (nameLength == 0 || 1 + nameLength > body.length) {
            throw new ProtocolException("truncated command: name length " + nameLength + " in a " + body.length
                    + "-byte frame");
        }
        String name = new String(body, 1, nameLength, StandardCharsets.US_ASCII);
        byte[] data = new byte[body.length - 1 - nameLength];
        System.arraycopy(body, 1 + nameLength, data, 0, data.length);
        return new Command(name, data);
    }

    /** Whether this command has the given name (exact, as RFC 37 names are case-sensitive). */
    public boolean is(String commandName) {
        return name.equals(commandName);
    }

    /** Size of the encoded frame body. */
    public int bodySize() {
        return 1 + name.length() + data.length;
    }

    /** The frame body: name length, name, data. */
    public byte[] toBody() {
        ByteBuffer b = ByteBuffer.allocate(bodySize());
        b.put((byte) name.length()).put(name.getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }

    /** Writes the whole command frame (header and body) into {@code out}. */
    public void encode(ByteBuffer out) {
        FrameFlags.writeHeader(out, FrameFlags.COMMAND, bodySize());
        out.put((byte) name.length()).put(name.getBytes(StandardCharsets.US_ASCII)).put(data);
    }

    /** Encoded size including the frame header. */
    public int frameSize() {
        return FrameFlags.headerSize(bodySize()) + bodySize();
    }

    /** An ERROR command carrying {@code reason} (truncated to 255 bytes). */
    public static Command error(String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(255, r.length);
        byte[] data = new byte[1 + n];
        data[0] = (byte) n;
        System.arraycopy(r, 0, data, 1, n);
        return new Command(ERROR, data);
    }

    /** The reason text of an ERROR command. */
    public String errorReason() {
        if (data.length == 0) {
            return "";
        }
        int n = Math.min(data[0] & 0xFF, data.length - 1);
        return new String(data, 1, n, StandardCharsets.UTF_8);
    }

    /** A PING with a time-to-live in milliseconds (sent in deciseconds) and a context. */
    public static Command ping(long ttlMillis, byte[] context) {
        int ttl = (int) Math.min(0xFFFF, ttlMillis / 100);
        ByteBuffer b = ByteBuffer.allocate(2 + context.length);
        b.putShort((short) ttl).put(context);
        return new Command(PING, b.array());
    }

    /** The TTL of a PING in milliseconds; throws {@link ProtocolException} if the PING is too short. */
    public long pingTtlMillis() {
        if (data.length < 2) {
            throw new ProtocolException("PING command shorter than its 2-byte TTL");
        }
        return (((data[0] & 0xFF) << 8) | (data[1] & 0xFF)) * 100L;
    }

    /** The PONG answering this PING: it echoes the PING's context. */
    public Command pong() {
        byte[] ctx = new byte[Math.max(0, Math.min(16, data.length - 2))];
        System.arraycopy(data, 2, ctx, 0, ctx.length);
        return new Command(PONG, ctx);
    }
}
