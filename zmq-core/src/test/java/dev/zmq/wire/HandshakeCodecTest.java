package dev.zmq.wire;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandshakeCodecTest {

    @Test
    void greetingRoundTripsAndIgnoresPaddingAndAsServer() {
        ByteBuffer b = ByteBuffer.allocate(Greeting.SIZE);
        Greeting.ours("NULL", false).encode(b);
        assertThat(b.position()).isEqualTo(64);
        b.put(3, (byte) 42);  // libzmq writes a length into the padding
        b.flip();
        assertThat(Greeting.decode(b)).isEqualTo(new Greeting(3, 1, "NULL", false));
    }

    @Test
    void greetingWithWrongSignatureIsRejected() {
        ByteBuffer b = ByteBuffer.allocate(Greeting.SIZE);
        Greeting.ours("NULL", false).encode(b);
        b.put(0, (byte) 'G');
        b.flip();
        assertThatThrownBy(() -> Greeting.decode(b)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void zmtp2PeerIsRejected() {
        ByteBuffer b = ByteBuffer.allocate(Greeting.SIZE);
        Greeting.ours("NULL", false).encode(b);
        b.put(10, (byte) 2);
        b.flip();
        assertThatThrownBy(() -> Greeting.decode(b)).hasMessageContaining("3.0 or later");
    }

    @Test
    void metadataRoundTripsWithCaseInsensitiveNames() {
        Map<String, byte[]> props = new LinkedHashMap<>();
        props.put("Socket-Type", "PUB".getBytes(StandardCharsets.US_ASCII));
        props.put("Identity", new byte[0]);
        Metadata decoded = Metadata.decode(Metadata.of(props).toBytes(), 0);
        assertThat(decoded.getText("socket-type")).isEqualTo("PUB");
        assertThat(decoded.get("IDENTITY")).isEmpty();
        assertThat(decoded.get("missing")).isNull();
    }

    @Test
    void truncatedMetadataIsRejected() {
        byte[] bytes = {11, 'S', 'o', 'c', 'k', 'e', 't', '-', 'T', 'y', 'p', 'e', 0, 0, 0, 9, 'P'};
        assertThatThrownBy(() -> Metadata.decode(bytes, 0)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("claims 9 bytes");
    }

    @Test
    void truncatedCommandIsRejected() {
        assertThatThrownBy(() -> Command.parse(new byte[] {9, 'S', 'U', 'B'})).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("truncated command");
    }

    @Test
    void pingCarriesTtlInDecisecondsAndPongEchoesContext() {
        Command ping = Command.ping(2500, new byte[] {1, 2, 3});
        assertThat(ping.data()).startsWith(0, 25);
        assertThat(ping.pingTtlMillis()).isEqualTo(2500);
        assertThat(ping.pong().data()).containsExactly(1, 2, 3);
        assertThat(ping.pong().name()).isEqualTo(Command.PONG);
    }

    @Test
    void errorReasonRoundTrips() {
        assertThat(Command.error("Invalid socket type").errorReason()).isEqualTo("Invalid socket type");
    }

    @Test
    void libzmqsMisspelledErrorCommandIsReadAsError() {
        byte[] fromLibzmq = {0x5E, 'R', 'R', 'O', 'R', 3, '4', '0', '0'};
        Command c = Command.parse(fromLibzmq);
        assertThat(c.is(Command.ERROR)).isTrue();
        assertThat(c.errorReason()).isEqualTo("400");
    }
}
