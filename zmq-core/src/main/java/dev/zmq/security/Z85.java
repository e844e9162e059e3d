package dev.zmq.security;

import java.util.Arrays;

/**
 * Z85 (RFC 32): the printable encoding ZeroMQ uses for CURVE keys, 5 characters per 4 bytes. Stateless.
 * {@link #decode} throws {@link IllegalArgumentException} for a length not a multiple of 5 or a foreign character.
 */
public final class Z85 {

    private static final String ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    private static final byte[] DECODE = new byte[128];

    static {
        Arrays.fill(DECODE, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DECODE[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private Z85() {
    }

    /**
     * Encodes {@code data}, whose length must be a multiple of 4.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String encode(byte[] data) {
        if (data.length % 4 != 0) {
            throw new IllegalArgumentException("Z85 encodes multiples of 4 bytes, got " + data.length);
        }
        StringBuilder out = new StringBuilder(data.length * 5 / 4);
        for (int i = 0; i < data.length; i += 4) {
            long value = ((data[i] & 0xFFL) << 24) | ((data[i + 1] & 0xFFL) << 16) | ((data[i + 2] & 0xFFL) << 8)
                    | (data[i + 3] & 0xFFL);
            char[] chunk = new char[5];
            for (int j = 4; j >= 0; j--) {
                chunk[j] = ALPHABET.charAt((int) (value % 85));
                value /= 85;
            }
            out.append(chunk);
        }
        return out.toString();
    }

    /** Decodes {@code text}, whose length must be a multiple of 5. */
    public static byte[] decode(String text) {
        if (text.length() % 5 != 0) {
            throw new IllegalArgumentException("Z85 text must be a multiple of 5 characters, got " + text.length());
        }
        byte[] out = new byte[text.length() * 4 / 5];
        for (int i = 0, o = 0; i < text.length(); i += 5, o += 4) {
            long value = 0;
            for (int j = 0; j < 5; j++) {
                char c = text.charAt(i + j);
                int digit = c < 128 ? DECODE[c] : -1;
                if (digit < 0) {
                    throw new IllegalArgumentException("character '" + c + "' is not Z85");
                }
                value = value * 85 + digit;
            }
            if (value > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("Z85 group '" + text.substring(i, i + 5) + "' overflows 32 bits");
            }
            out[o] = (byte) (value >>> 24);
            out[o + 1] = (byte) (value >>> 16);
            out[o + 2] = (byte) (value >>> 8);
            out[o + 3] = (byte) value;
        }
        return out;
    }

    /** Decodes a 40-character key into its 32 bytes; {@code what} names it in the error. */
    public static byte[] decodeKey(String text, String what) {
        if (text.length() != 40) {
            throw new IllegalArgumentException(what + " must be 40 Z85 characters (a 32-byte key), got "
                    + text.length());
        }
        return decode(text);
    }

}
