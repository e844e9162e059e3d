package dev.zmq.transport.ipc;

import dev.zmq.ErrorCode;
import dev.zmq.LibzmqScript;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ipc:// over Unix domain sockets: our sockets, socket file housekeeping, and libzmq's ipc in both roles. */
class IpcTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final ZmqContext ctx = new ZmqContext();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void messagesFlowAndTheSocketFileLivesExactlyAsLongAsTheBind() throws Exception {
        Path file = dir.resolve("a.ipc");
        Files.writeString(file, "stale leftover of a crashed process");
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind("ipc://" + file);
        assertThat(pull.lastEndpoint()).isEqualTo("ipc://" + file);
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect("ipc://" + file);
        push.send(ZmqMessage.of("over", "ipc"));
        assertThat(pull.recv(WAIT)).isEqualTo(ZmqMessage.of("over", "ipc"));
        pull.unbind("ipc://" + file);
        assertThat(file).doesNotExist();

        ZmqSocket again = ctx.socket(SocketType.PULL);
        again.bind("ipc://" + file);
        assertThat(file).exists();
        again.close();
        assertThat(file).doesNotExist();
    }

    @Test
    void aWildcardBindsAFreshFileAndTheAbstractNamespaceIsRefusedClearly() {
        ZmqSocket rep = ctx.socket(SocketType.REP);
        rep.bind("ipc://*");
        assertThat(rep.lastEndpoint()).startsWith("ipc://").endsWith(".ipc");
        assertThat(Path.of(rep.lastEndpoint().substring("ipc://".length()))).exists();
        ZmqSocket req = ctx.socket(SocketType.REQ);
        assertThatThrownBy(() -> req.connect("ipc://@abstract")).isInstanceOf(ZmqException.class)
                .hasMessageContaining("abstract namespace is not supported")
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.EPROTONOSUPPORT);
        assertThatThrownBy(() -> req.connect("ipc://*")).isInstanceOf(ZmqException.class)
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.EINVAL);
    }

    @Test
    void libzmqConnectsToOurIpcBind() throws Exception {
        String endpoint = "ipc://" + dir.resolve("ours.ipc");
        ZmqSocket rep = ctx.socket(SocketType.REP);
        rep.bind(endpoint);
        Process p = LibzmqScript.start("""
                import sys, zmq
                s = zmq.Context().socket(zmq.REQ); s.connect(sys.argv[1]); s.setsockopt(zmq.RCVTIMEO, 15000)
                s.send_multipart([b"from", b"libzmq"]); print(b"|".join(s.recv_multipart()).decode())
                """, endpoint);
        ZmqMessage request = rep.recv(WAIT);
        assertThat(request).isEqualTo(ZmqMessage.of("from", "libzmq"));
        rep.send(ZmqMessage.of("java", "answers"));
        assertThat(LibzmqScript.finish(p)).isEqualTo("java|answers");
    }

    @Test
    void weConnectToLibzmqsIpcBind() throws Exception {
        Path file = dir.resolve("theirs.ipc");
        Process p = LibzmqScript.start("""
                import sys, zmq, os
                s = zmq.Context().socket(zmq.PULL); s.bind(sys.argv[1]); s.setsockopt(zmq.RCVTIMEO, 15000)
                print("bound", flush=True)
                print(b"|".join(s.recv_multipart()).decode())
                """, "ipc://" + file);
        assertThat(new String(p.getInputStream().readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("bound\n");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect("ipc://" + file);
        push.send(ZmqMessage.of("java", "over", "libzmq ipc"));
        assertThat(LibzmqScript.finish(p)).isEqualTo("java|over|libzmq ipc");
    }
}
