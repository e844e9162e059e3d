package dev.zmq.majordomo;

import dev.zmq.Frame;
import dev.zmq.ZmqMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The codec against RFC 7's frame tables, written out by hand here. */
@Timeout(10)
class MdpFramesTest {

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] MDPW01 = "MDPW01".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MDPC01 = "MDPC01".getBytes(StandardCharsets.US_ASCII);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void commandsHaveRfc7Bytes() {
        assertThat(MdpCommand.values()).extracting(MdpCommand::code)
                .containsExactly((byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5);
        assertThat(MdpCommand.of(new byte[] {3})).isEqualTo(MdpCommand.REPLY);
        assertThat(MdpCommand.of(new byte[] {6})).isNull();
        assertThat(MdpCommand.of(new byte[] {1, 1})).isNull();
    }

    @Test
    void workerMessagesAreBuiltFrameForFrame() {
        assertThat(MdpFrames.ready("echo")).isEqualTo(ZmqMessage.of(EMPTY, MDPW01, new byte[] {1}, b("echo")));
        assertThat(MdpFrames.fromWorker(MdpCommand.HEARTBEAT)).isEqualTo(ZmqMessage.of(EMPTY, MDPW01, new byte[] {4}));
        assertThat(MdpFrames.reply(b("c"), ZmqMessage.of("x", "y")))
                .isEqualTo(ZmqMessage.of(EMPTY, MDPW01, new byte[] {3}, b("c"), EMPTY, b("x"), b("y")));
        assertThat(MdpFrames.request("svc", ZmqMessage.of("body"))).isEqualTo(ZmqMessage.of(EMPTY, MDPC01, b("svc"),
                b("body")));
    }

    @Test
    void theBrokerSideParsesClientsAndWorkers() {
        MdpFrames.AtBroker request = MdpFrames.parseAtBroker(ZmqMessage.of(b("id"), EMPTY, MDPC01, b("svc"), b("a")));
        assertThat(request).isInstanceOfSatisfying(MdpFrames.ClientRequest.class, r -> {
            assertThat(r.service()).isEqualTo("svc");
            assertThat(r.body().frames()).containsExactly(Frame.of("a"));
        });
        MdpFrames.AtBroker reply = MdpFrames.parseAtBroker(
                ZmqMessage.of(b("w"), EMPTY, MDPW01, new byte[] {3}, b("c"), EMPTY, b("r")));
        assertThat(reply).isInstanceOfSatisfying(MdpFrames.WorkerCommand.class, c -> {
            assertThat(c.command()).isEqualTo(MdpCommand.REPLY);
            assertThat(c.client()).isEqualTo(b("c"));
            assertThat(c.body().frames()).containsExactly(Frame.of("r"));
        });
    }

    @Test
    void badMessagesAreRefusedNamingTheRule() {
        assertError(ZmqMessage.of(b("id"), EMPTY), MdpError.TOO_FEW_FRAMES);
        assertError(ZmqMessage.of(b("id"), b("x"), MDPC01, b("s"), b("b")), MdpError.MISSING_EMPTY_FRAME);
        assertError(ZmqMessage.of(b("id"), EMPTY, b("MDPC02"), b("s"), b("b")), MdpError.WRONG_HEADER);
        assertError(ZmqMessage.of(b("id"), EMPTY, MDPC01, b("s")), MdpError.TOO_FEW_FRAMES);
        assertError(ZmqMessage.of(b("id"), EMPTY, MDPW01, new byte[] {0}), MdpError.UNKNOWN_COMMAND);
        assertError(ZmqMessage.of(b("id"), EMPTY, MDPW01, new byte[] {1}), MdpError.TOO_FEW_FRAMES);
        assertError(ZmqMessage.of(b("id"), EMPTY, MDPW01, new byte[] {4}, b("extra")), MdpError.TOO_MANY_FRAMES);
        assertError(ZmqMessage.of(b("id"), EMPTY, MDPW01, new byte[] {3}, b("c"), b("x"), b("r")),
                MdpError.MISSING_EMPTY_FRAME);
        assertThatThrownBy(() -> MdpFrames.parseAtWorker(ZmqMessage.of(EMPTY, MDPW01, new byte[] {1}, b("s"))))
                .isInstanceOfSatisfying(MdpProtocolException.class,
                        e -> assertThat(e.error()).isEqualTo(MdpError.UNEXPECTED_COMMAND));
        assertThatThrownBy(() -> MdpFrames.parseAtClient(ZmqMessage.of(EMPTY, MDPC01, b("other"), b("r")), "svc"))
                .hasMessageContaining("'other'");
    }

    private static void assertError(ZmqMessage m, MdpError error) {
        assertThatThrownBy(() -> MdpFrames.parseAtBroker(m)).isInstanceOfSatisfying(MdpProtocolException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }
}
