package dev.zmq.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The 64-byte ZMTP 3.x greeting (RFC 23/37): signature, version, mechanism, as-server flag.
 *
 * <p>Immutable. {@link #decode(ByteBuffer)} throws {@link ProtocolException} for a bad signature, a version below
 * 3.0, or a malformed mechanism name. As the wire notes advise, the padding bytes and the as-server byte are not
 * validated (libzmq writes a length into the padding).
 *
 * @param major    major version (3)
 * @param minor    minor version (1 for ZMTP 3.1, 0 for 3.0 peers such as JeroMQ)
 * @param mechanism the security mechanism name, e.g. {@code NULL}
 * @param asServer whether the sender plays the server role of the mechanism
 */
public record Greeting(int major, int minor, String mechanism, boolean asServer) {

    /** Length of a greeting in bytes. */
    public static final int SIZE = 64;
    /** The version we announce: ZMTP 3.1. */
    public static final int OUR_MINOR = 1;
    private static final int MECHANISM_OFFSET = 12;
    private static final int MECHANISM_SIZE = 20;

    /** Our greeting for {@code mechanism}. */
    public static Greeting ours(String mechanism, boolean asServer) {
        return new Greeting(3, OUR_MINOR, mechanism, asServer);
    }

    /** Writes the 64 bytes into {@code out}. */
    public void encode(ByteBuffer out) {
        byte[] name = mechanism.getBytes(StandardCharsets.US_ASCII);
        out.put((byte) 0xFF).put(new byte[8]).put((byte) 0x7F);
        out.put((byte) major).put((byte) minor);
        out.put(name).put(new byte[MECHANISM_SIZE - name.length]);
        out.put((byte) (asServer ? 1 : 0)).put(new byte[31]);
    }

    /** Reads 64 bytes from {@code in}, which must hold at least {@link #SIZE}. */
    public static Greeting decode(ByteBuffer in) {
        int start = in.position();
        if ((in.get(start) & 0xFF) != 0xFF || (in.get(start + 9) & 0x01) != 0x01) {
            throw new ProtocolException("not a ZMTP peer: greeting signature is wrong");
        }
        int major = in.get(start + 10) & 0xFF;
        int minor = in.get(start + 11) & 0xFF;
        if (major < 3) {
            throw new ProtocolException("peer speaks ZMTP " + major + "." + minor + "; 3.0 or later is required");
        }
        int len = 0;
        while (len < MECHANISM_SIZE && in.get(start + MECHANISM_OFFSET + len) != 0) {
            byte c = in.get(start + MECHANISM_OFFSET + len);
            if (c < 0x20 || c > 0x7E) {
                throw new ProtocolException("greeting mechanism name has a non-printable byte");
            }
            len++;
        }
        byte[] name = new byte[len];
        in.get(start + MECHANISM_OFFSET, name);
        boolean asServer = in.get(start + 32) == 1;
        in.position(start + SIZE);
        return new Greeting(major, minor, new String(name, StandardCharsets.US_ASCII), asServer);
    }
}
