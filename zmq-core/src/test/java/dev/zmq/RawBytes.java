package dev.zmq;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * ZMTP bytes written straight from RFC 23/37 and RFC 24 in the test, not with the library's own encoders, so what a
 * hostile peer sends is checked against the spec rather than against the code under test.
 */
public final class RawBytes {

    private RawBytes() {
    }

    /** A 64-byte ZMTP 3.1 greeting: signature, version 3.1, mechanism (20 bytes, NUL padded), as-server, filler. */
    public static byte[] greeting(String mechanism, boolean asServer) {
        return greeting(1, mechanism, asServer);
    }

    /** A 64-byte ZMTP 3.{@code minor} greeting (RFC 23 for 3.0, RFC 37 for 3.1). */
    public static byte[] greeting(int minor, String mechanism, boolean asServer) {
        byte[] g = new byte[64];
        g[0] = (byte) 0xFF;
        g[9] = 0x7F;
        g[10] = 3;
        g[11] = (byte) minor;
        byte[] m = mechanism.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(m, 0, g, 12, m.length);
        g[32] = (byte) (asServer ? 1 : 0);
        return g;
    }

    /** A command frame: flags 0x04 (0x06 with an 8-byte size), size, name length, name, data. */
    public static byte[] command(String name, byte[] data) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(n.length);
        body.writeBytes(n);
        body.writeBytes(data);
        return frame(0x04, body.toByteArray());
    }

    /** A frame with {@code flags} (MORE 0x01, COMMAND 0x04); LONG (0x02) is added for bodies over 255 bytes. */
    public static byte[] frame(int flags, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (body.length > 255) {
            out.write(flags | 0x02);
            out.writeBytes(longSize(body.length));
        } else {
            out.write(flags);
            out.write(body.length);
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A frame header with an 8-byte size claiming {@code size} bytes: {@code flags | 0x02}, then the size. */
    public static byte[] longHeader(int flags, long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(flags | 0x02);
        out.writeBytes(longSize(size));
        return out.toByteArray();
    }

    /** One metadata property: name length, name, 4-byte value length, value. */
    public static byte[] property(String name, String value) {
        return property(name, value.getBytes(StandardCharsets.US_ASCII), value.length());
    }

    /** A property whose value-length field says {@code claimedLength}, followed by {@code value}. */
    public static byte[] property(String name, byte[] value, int claimedLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        out.write(n.length);
        out.writeBytes(n);
        out.write(claimedLength >>> 24);
        out.write(claimedLength >>> 16);
        out.write(claimedLength >>> 8);
        out.write(claimedLength);
        out.writeBytes(value);
        return out.toByteArray();
    }

    /** NULL's READY announcing {@code socketType}. */
    public static byte[] ready(String socketType) {
        return command("READY", property("Socket-Type", socketType));
    }

    /** PLAIN's HELLO (RFC 24): username length, username, password length, password. */
    public static byte[] plainHello(String user, String password) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(user.length());
        data.writeBytes(user.getBytes(StandardCharsets.US_ASCII));
        data.write(password.length());
        data.writeBytes(password.getBytes(StandardCharsets.US_ASCII));
        return command("HELLO", data.toByteArray());
    }

    /** RFC 37's PING: a 2-byte TTL in tenths of a second, then up to 16 bytes of context. */
    public static byte[] ping(int ttlTenths, byte[] context) {
        byte[] data = new byte[2 + context.length];
        data[0] = (byte) (ttlTenths >>> 8);
        data[1] = (byte) ttlTenths;
        System.arraycopy(context, 0, data, 2, context.length);
        return command("PING", data);
    }

    /** A single-frame message. */
    public static byte[] message(String text) {
        return frame(0, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads one frame and returns the command's name, or {@code null} for a data frame. */
    public static String readCommandName(DataInputStream in) throws IOException {
        int flags = in.readUnsignedByte();
        long size = (flags & 0x02) != 0 ? in.readLong() : in.readUnsignedByte();
        byte[] body = new byte[(int) size];
        in.readFully(body);
        if ((flags & 0x04) == 0) {
            return null;
        }
        return new String(body, 1, body[0] & 0xFF, StandardCharsets.US_ASCII);
    }

    private static byte[] longSize(long size) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (size >>> (56 - 8 * i));
        }
        return b;
    }
}
