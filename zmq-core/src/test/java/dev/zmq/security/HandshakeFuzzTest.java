package dev.zmq.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zmq.wire.Command;
import dev.zmq.wire.Metadata;
import dev.zmq.wire.ProtocolException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes both sides of each mechanism's handshake with arbitrary command sequences from the peer: each either
 * refuses with a {@link ProtocolException} or, for PLAIN, completes only after the well-formed exchange (CURVE cannot
 * be completed without the other side's keys). Replays the committed corpus in the normal run;
 * {@code JAZZER_FUZZ=1 ./mvnw -pl zmq-core test -Dtest=HandshakeFuzzTest} fuzzes longer.
 */
class HandshakeFuzzTest {

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

    @FuzzTest(maxDuration = "30s")
    void plainServer(FuzzedDataProvider data) {
        List<String> sent = drive(PlainMechanism.server(REP, NO_HANDLER, ""), data);
        if (sent.contains("completed")) {
            assertThat(sent).containsExactly("WELCOME", "READY", "completed");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void curveServer(FuzzedDataProvider data) {
        List<String> sent = drive(CurveMechanism.server(REP, CryptoBox.keyPair()[1], NO_HANDLER, ""), data);
        assertThat(sent).doesNotContain("completed", "READY");
    }

    @FuzzTest(maxDuration = "30s")
    void plainClient(FuzzedDataProvider data) {
        List<String> sent = drive(PlainMechanism.client(REP, "user", "password"), data);
        if (sent.contains("completed")) {
            assertThat(sent).containsExactly("HELLO", "INITIATE", "completed");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void curveClient(FuzzedDataProvider data) {
        List<String> sent = drive(CurveMechanism.client(REP, new byte[0], new byte[0], CryptoBox.keyPair()[0]), data);
        assertThat(sent).doesNotContain("completed", "INITIATE");
    }

    /** Feeds commands from {@code data} until the mechanism completes or refuses; what it sent, in order. */
    private static List<String> drive(Mechanism server, FuzzedDataProvider data) {
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
        try {
            while (data.remainingBytes() > 0 && !sent.contains("completed")) {
                server.onCommand(Command.parse(data.consumeBytes(data.consumeInt(1, 300))), channel);
            }
        } catch (ProtocolException refused) {
            assertThat(sent).doesNotContain("completed");
        }
        return sent;
    }
}
