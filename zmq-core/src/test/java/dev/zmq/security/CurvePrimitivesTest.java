package dev.zmq.security;

import dev.zmq.wire.ProtocolException;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Known answers for the CURVE building blocks: Z85 (RFC 32) and NaCl's HSalsa20 and crypto_box. */
class CurvePrimitivesTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void z85MatchesRfc32AndRejectsForeignText() {
        byte[] hello = HEX.parseHex("864fd26fb559f75b");
        assertThat(Z85.encode(hello)).isEqualTo("HelloWorld");
        assertThat(Z85.decode("HelloWorld")).isEqualTo(hello);
        assertThatThrownBy(() -> Z85.decode("Hell")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Z85.decode("Hell~")).hasMessageContaining("'~' is not Z85");
        assertThatThrownBy(() -> Z85.decodeKey("HelloWorld", "CURVE_SERVERKEY"))
                .hasMessageContaining("CURVE_SERVERKEY must be 40 Z85 characters");
    }

    @Test
    void hsalsa20OfNaclsSharedSecretGivesItsFirstKey() {
        byte[] shared = HEX.parseHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertThat(HEX.formatHex(CryptoBox.hsalsa20(shared, new byte[16])))
                .isEqualTo("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
    }

    @Test
    void boxesOpenOnlyWithTheRightKeyAndNonce() {
        byte[][] alice = CryptoBox.keyPair();
        byte[][] bob = CryptoBox.keyPair();
        byte[] k1 = CryptoBox.sharedKey(bob[0], alice[1]);
        byte[] k2 = CryptoBox.sharedKey(alice[0], bob[1]);
        assertThat(k1).isEqualTo(k2);
        byte[] nonce = new byte[24];
        byte[] box = CryptoBox.seal(k1, nonce, "hello".getBytes());
        assertThat(box).hasSize(21);
        assertThat(CryptoBox.open(k2, nonce, box, 0, box.length, "test box")).isEqualTo("hello".getBytes());
        nonce[23] = 1;
        assertThatThrownBy(() -> CryptoBox.open(k2, nonce, box, 0, box.length, "test box"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("cannot decrypt test box");
    }
}
