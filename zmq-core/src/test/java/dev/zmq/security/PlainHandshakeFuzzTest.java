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
 * Fuzzes a PLAIN server's handshake with arbitrary command sequences: it either refuses with a
 * {@link ProtocolException} or completes only after a well-formed HELLO and INITIATE. Replays the committed corpus
 * in the normal run; {@code JAZZER_FUZZ=1 ./mvnw -pl zmq-core test -Dtest=PlainHandshakeFuzzTest} fuzzes longer.
 */
class PlainHandshakeFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void aPlainServerNeverCompletesOnGarbage(FuzzedDataProvider data) {
        Zap noHandler = new Zap() {
            @Override
            public boolean handlerBound() {
                return false;
            }

            @Override
            public void authenticate(ZapRequest request, Consumer<ZapReply> onReply) {
                throw new AssertionError("no handler is bound");
            }
        };
        PlainMechanism server = PlainMechanism.server(Metadata.of(Map.of(Metadata.SOCKET_TYPE, "REP".getBytes())),
                noHandler, "");
        List<String> sent = new ArrayList<>();
        boolean[] completed = {false};
        HandshakeChannel channel = new HandshakeChannel() {
            @Override
            public void send(Command command) {
                sent.add(command.name());
            }

            @Override
            public void completed(Metadata peerMetadata, String userId) {
                completed[0] = true;
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
            while (data.remainingBytes() > 0 && !completed[0]) {
                server.onCommand(Command.parse(data.consumeBytes(data.consumeInt(1, 300))), channel);
            }
        } catch (ProtocolException refused) {
            assertThat(completed[0]).isFalse();
            return;
        }
        if (completed[0]) {
            assertThat(sent).containsExactly("WELCOME", "READY");
        }
    }
}
