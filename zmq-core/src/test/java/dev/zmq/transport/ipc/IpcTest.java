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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ipc:// over Unix domain sockets: our sockets, socket file housekeeping, Linux's abstract namespace, and libzmq's
 * ipc (path-named and abstract) in both roles.
 */
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
    void aWildcardBindsAFreshFile() {
        ZmqSocket rep = ctx.socket(SocketType.REP);
        rep.bind("ipc://*");
        assertThat(rep.lastEndpoint()).startsWith("ipc://").endsWith(".ipc");
        assertThat(Path.of(rep.lastEndpoint().substring("ipc://".length()))).exists();
        ZmqSocket req = ctx.socket(SocketType.REQ);
        assertThatThrownBy(() -> req.connect("ipc://@")).isInstanceOf(ZmqException.class)
                .hasMessageContaining("give a name after '@'");
        assertThatThrownBy(() -> req.connect("ipc://*")).isInstanceOf(ZmqException.class)
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.EINVAL);
    }

    @Test
    void theAbstractNamespaceNeedsNoFile() {
        String endpoint = "ipc://@zmq-test-" + ProcessHandle.current().pid() + "-a";
        ZmqSocket pull = ctx.socket(SocketType.PULL);
        pull.bind(endpoint);
        assertThat(pull.lastEndpoint()).isEqualTo(endpoint);
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect(endpoint);
        push.send(ZmqMessage.of("no", "file"));
        assertThat(pull.recv(WAIT)).isEqualTo(ZmqMessage.of("no", "file"));
        ZmqSocket second = ctx.socket(SocketType.PULL);
        assertThatThrownBy(() -> second.bind(endpoint)).isInstanceOf(ZmqException.class)
                .extracting(e -> ((ZmqException) e).code()).isEqualTo(ErrorCode.EADDRINUSE);
        pull.unbind(endpoint);
        second.bind(endpoint);
    }

    /** A path-named endpoint in the test directory, or a name in Linux's abstract namespace. */
    private String endpoint(boolean abstractName, String name) {
        return abstractName ? "ipc://@zmq-test-" + ProcessHandle.current().pid() + "-" + name
                : "ipc://" + dir.resolve(name + ".ipc");
    }

    @ParameterizedTest(name = "abstract namespace: {0}")
    @ValueSource(booleans = {false, true})
    void libzmqConnectsToOurIpcBind(boolean abstractName) throws Exception {
        String endpoint = endpoint(abstractName, "ours");
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

    @ParameterizedTest(name = "abstract namespace: {0}")
    @ValueSource(booleans = {false, true})
    void weConnectToLibzmqsIpcBind(boolean abstractName) throws Exception {
        String endpoint = endpoint(abstractName, "theirs");
        Process p = LibzmqScript.start("""
                import sys, zmq, os
                s = zmq.Context().socket(zmq.PULL); s.bind(sys.argv[1]); s.setsockopt(zmq.RCVTIMEO, 15000)
                print("bound", flush=True)
                print(b"|".join(s.recv_multipart()).decode())
                """, endpoint);
        assertThat(new String(p.getInputStream().readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("bound\n");
        ZmqSocket push = ctx.socket(SocketType.PUSH);
        push.connect(endpoint);
        push.send(ZmqMessage.of("java", "over", "libzmq ipc"));
        assertThat(LibzmqScript.finish(p)).isEqualTo("java|over|libzmq ipc");
    }
}
