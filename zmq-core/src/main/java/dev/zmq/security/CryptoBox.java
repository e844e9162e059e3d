package dev.zmq.security;

import dev.zmq.wire.ProtocolException;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.math.ec.rfc7748.X25519;

import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * NaCl's {@code crypto_box} and {@code crypto_secretbox} as CurveZMQ uses them (X25519, HSalsa20, XSalsa20,
 * Poly1305, from BouncyCastle's primitives): a box is the 16-byte tag followed by the ciphertext. Stateless and
 * thread-safe. {@link #open} throws {@link ProtocolException} when a box does not authenticate.
 */
final class CryptoBox {

    static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

    private CryptoBox() {
    }

    /** A new key pair: {@code [publicKey, secretKey]}. */
    static byte[][] keyPair() {
        byte[] secret = new byte[32];
        X25519.generatePrivateKey(RANDOM, secret);
        byte[] pub = new byte[32];
        X25519.generatePublicKey(secret, 0, pub, 0);
        return new byte[][] {pub, secret};
    }

    /** The public key of {@code secret}. */
    static byte[] publicKey(byte[] secret) {
        byte[] pub = new byte[32];
        X25519.generatePublicKey(secret, 0, pub, 0);
        return pub;
    }

    /** {@code crypto_box_beforenm}: the symmetric key between our secret and their public key. */
    static byte[] sharedKey(byte[] theirPublic, byte[] ourSecret) {
        byte[] s = new byte[32];
        X25519.scalarMult(ourSecret, 0, theirPublic, 0, s, 0);
        return hsalsa20(s, new byte[16]);
    }

    /** Seals {@code plain} under {@code key} and the 24-byte {@code nonce}. */
    static byte[] seal(byte[] key, byte[] nonce, byte[] plain) {
        XSalsa20Engine cipher = cipher(key, nonce);
        byte[] polyKey = new byte[32];
        cipher.processBytes(new byte[32], 0, 32, polyKey, 0);
        byte[] out = new byte[16 + plain.length];
        cipher.processBytes(plain, 0, plain.length, out, 16);
        mac(polyKey, out, 16, plain.length, out, 0);
        return out;
    }

    /** Opens a box sealed by {@link #seal}; {@code what} names it in the error. */
    static byte[] open(byte[] key, byte[] nonce, byte[] box, int offset, int length, String what) {
        if (length < 16) {
            throw new ProtocolException(what + " is too short to be a box (" + length + " bytes)");
        }
        XSalsa20Engine cipher = cipher(key, nonce);
        byte[] polyKey = new byte[32];
        cipher.processBytes(new byte[32], 0, 32, polyKey, 0);
        byte[] tag = new byte[16];
        mac(polyKey, box, offset + 16, length - 16, tag, 0);
        byte[] expected = new byte[16];
        System.arraycopy(box, offset, expected, 0, 16);
        if (!MessageDigest.isEqual(tag, expected)) {
            throw new ProtocolException("cannot decrypt " + what + " (wrong key, or the data was altered)");
        }
        byte[] plain = new byte[length - 16];
        cipher.processBytes(box, offset + 16, plain.length, plain, 0);
        return plain;
    }

    private static XSalsa20Engine cipher(byte[] key, byte[] nonce) {
        XSalsa20Engine e = new XSalsa20Engine();
        e.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return e;
    }

    private static void mac(byte[] key, byte[] data, int offset, int length, byte[] out, int outOffset) {
        Poly1305 poly = new Poly1305();
        poly.init(new KeyParameter(key));
        poly.update(data, offset, length);
        poly.doFinal(out, outOffset);
    }

    /** HSalsa20: the Salsa20 core without its final addition, keeping words 0, 5, 10, 15, 6, 7, 8, 9. */
    static byte[] hsalsa20(byte[] key, byte[] in16) {
        int[] state = new int[16];
        state[0] = SIGMA[0];
        state[5] = SIGMA[1];
        state[10] = SIGMA[2];
        state[15] = SIGMA[3];
        for (int i = 0; i < 4; i++) {
            state[1 + i] = le(key, 4 * i);
            state[11 + i] = le(key, 16 + 4 * i);
            state[6 + i] = le(in16, 4 * i);
        }
        int[] x = new int[16];
        Salsa20Engine.salsaCore(20, state, x);
        int[] pick = {0, 5, 10, 15, 6, 7, 8, 9};
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            int w = x[pick[i]] - state[pick[i]];
            out[4 * i] = (byte) w;
            out[4 * i + 1] = (byte) (w >>> 8);
            out[4 * i + 2] = (byte) (w >>> 16);
            out[4 * i + 3] = (byte) (w >>> 24);
        }
        return out;
    }

    private static int le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
