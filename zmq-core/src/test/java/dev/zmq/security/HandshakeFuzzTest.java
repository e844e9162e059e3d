package dev.zmq.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;
import dev.zmq.wire.Command;
import dev.zmq.wire.Metadata;
import dev.zmq.wire.ProtocolException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes both sides of each mechanism's handshake with arbitrary command sequences from the peer: each either
 * refuses with a {@link ProtocolException} or, for PLAIN, completes only after the well-formed exchange (CURVE cannot
 * be completed: the cookie and the short-term keys change per run). An input is a sequence of commands, each a
 * 4-byte big-endian length and the command's bytes. The CURVE keys are fixed (RFC 26's example pairs, as the
 * libzmq man pages print them), so a committed valid HELLO reaches the server's WELCOME. Replays the committed corpus
 * in the normal run; {@code JAZZER_FUZZ=1 ./mvnw -pl zmq-core test -Dtest=HandshakeFuzzTest#curveServer} fuzzes one
 * target for longer.
 */
class HandshakeFuzzTest {

    static final byte[] SERVER_PUBLIC = Z85.decode("rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7");
    static final byte[] SERVER_SECRET = Z85.decode("JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6");
    static final byte[] CLIENT_PUBLIC = Z85.decode("Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID");
    static final byte[] CLIENT_SECRET = Z85.decode("D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs");

    private static final Metadata REP = Metadata.of(Map.of(Metadata.SOCKET_TYPE, "REP".getBytes()));
    private static final Zap NO_HANDLER = new Zap() {
        @Override
        public boolean handlerBound() {
            return false;
        }

        @Override
        public void authenticate(ZapRequest request, Consumer<ZapReply> onReply) {
            throw new AssertionError("no handler is bound");
        }
    };

    @FuzzTest(maxDuration = "2m")
    void plainServer(FuzzedDataProvider data) {
        List<String> sent = drive(PlainMechanism.server(REP, NO_HANDLER, ""), data);
        if (sent.contains("completed")) {
            assertThat(sent).containsExactly("WELCOME", "READY", "completed");
        }
    }

    @FuzzTest(maxDuration = "2m")
    void curveServer(FuzzedDataProvider data) {
        List<String> sent = drive(CurveMechanism.server(REP, SERVER_SECRET, NO_HANDLER, ""), data);
        assertThat(sent).doesNotContain("completed", "READY");
    }

    @FuzzTest(maxDuration = "2m")
    void plainClient(FuzzedDataProvider data) {
        List<String> sent = drive(PlainMechanism.client(REP, "user", "password"), data);
        if (sent.contains("completed")) {
            assertThat(sent).containsExactly("HELLO", "INITIATE", "completed");
        }
    }

    @FuzzTest(maxDuration = "2m")
    void curveClient(FuzzedDataProvider data) {
        List<String> sent = drive(CurveMechanism.client(REP, CLIENT_PUBLIC, CLIENT_SECRET, SERVER_PUBLIC), data);
        assertThat(sent).doesNotContain("completed", "INITIATE");
    }

    /**
     * The committed seeds reach the steps they are named for, so the fuzzer starts from inside the handshakes (an
     * input that failed at parsing would only ever fuzz {@code Command.parse}).
     */
    @Test
    void committedSeedsReachTheMechanismsSteps() throws IOException {
        assertThat(drive(PlainMechanism.server(REP, NO_HANDLER, ""), seed("plainServer", "hello_initiate")))
                .containsExactly("WELCOME", "READY", "completed");
        assertThat(drive(PlainMechanism.client(REP, "user", "password"), seed("plainClient", "welcome_then_ready")))
                .containsExactly("HELLO", "INITIATE", "completed");
        assertThat(drive(CurveMechanism.server(REP, SERVER_SECRET, NO_HANDLER, ""), seed("curveServer", "valid_hello")))
                .containsExactly("WELCOME");
        assertThat(drive(CurveMechanism.server(REP, SERVER_SECRET, NO_HANDLER, ""), seed("curveServer",
                "hello_bad_signature"))).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("rejected: ");
    }

    private static byte[] seed(String target, String name) throws IOException {
        try (InputStream in = HandshakeFuzzTest.class.getResourceAsStream("HandshakeFuzzTestInputs/" + target + "/"
                + name)) {
            assertThat(in).as("seed " + target + "/" + name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static List<String> drive(Mechanism mechanism, FuzzedDataProvider data) {
        return drive(mechanism, data.consumeRemainingAsBytes());
    }

    /**
     * Feeds the commands of {@code input} until the mechanism completes or refuses; what it sent, in order, and
     * "rejected: reason" last when it threw {@link ProtocolException}.
     */
    static List<String> drive(Mechanism server, byte[] input) {
        List<String> sent = new ArrayList<>();
        HandshakeChannel channel = new HandshakeChannel() {
            @Override
            public void send(Command command) {
                sent.add(command.name());
            }

            @Override
            public void completed(Metadata peerMetadata, String userId) {
                sent.add("completed");
            }

            @Override
            public void refuse(String reason) {
                sent.add("ERROR");
            }

            @Override
            public void onIoThread(Runnable task) {
                task.run();
            }

            @Override
            public String peerAddress() {
                return "127.0.0.1";
            }
        };
        server.start(channel);
        // input: commands from the peer, each a 4-byte big-endian length then the command's bytes (the committed
        // seeds are written so); a length past the end takes what is left
        ByteBuffer in = ByteBuffer.wrap(input);
        try {
            while (in.remaining() >= 4 && !sent.contains("completed")) {
                int length = (int) Math.min(in.getInt() & 0xFFFFFFFFL, in.remaining());
                byte[] command = new byte[length];
                in.get(command);
                server.onCommand(Command.parse(command), channel);
            }
        } catch (ProtocolException refused) {
            assertThat(sent).doesNotContain("completed");
            sent.add("rejected: " + refused.getMessage());
        }
        return sent;
    }
}
