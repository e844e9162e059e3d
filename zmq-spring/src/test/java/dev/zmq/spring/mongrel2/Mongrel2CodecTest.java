package dev.zmq.spring.mongrel2;

import dev.zmq.ZmqMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The handler protocol without a server: requests with JSON and tnetstring headers, the disconnect notice, the
 * upload notices, replies to one and many connections, HTTP responses, and malformed input of every kind, each
 * refused with a reason and never with anything but {@link Mongrel2ProtocolException}.
 */
class Mongrel2CodecTest {

    private static final String UUID = "34f9ceee-cd52-4b7f-b197-88bf2f0ec378";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String netstring(String s) {
        return bytes(s).length + ":" + s + ",";
    }

    /** What Mongrel2 1.12.2 sends for a GET (taken from the real server, JSON headers). */
    @Test
    void parsesARequestWithJsonHeaders() {
        String headers = "{\"PATH\":\"/hello/x\",\"x-test\":\"a b\",\"accept\":\"*/*\",\"METHOD\":\"GET\","
                + "\"VERSION\":\"HTTP/1.1\",\"URI\":\"/hello/x?q=1\",\"QUERY\":\"q=1\",\"PATTERN\":\"/\"}";
        Mongrel2Request r = Mongrel2Codec.parse(bytes(UUID + " 17 /hello/x " + netstring(headers) + "0:,"));
        assertThat(r.sender()).isEqualTo(UUID);
        assertThat(r.connectionId()).isEqualTo("17");
        assertThat(r.path()).isEqualTo("/hello/x");
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.query()).isEqualTo("q=1");
        assertThat(r.header("X-Test")).isEqualTo("a b");
        assertThat(r.header("method")).isEqualTo("GET");
        assertThat(r.body()).isEmpty();
        assertThat(r.isDisconnect()).isFalse();
        assertThat(r.isJson()).isFalse();
        assertThat(r.isUploadStarted()).isFalse();
        assertThat(r.isUploadDone()).isFalse();
    }

    @Test
    void bodyMayHoldCommasSpacesAndBinary() {
        byte[] body = {'a', ',', ' ', 0, (byte) 0xff, ':', '9'};
        byte[] head = bytes(UUID + " 3 /post " + netstring("{\"METHOD\":\"POST\"}") + body.length + ":");
        byte[] frame = new byte[head.length + body.length + 1];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(body, 0, frame, head.length, body.length);
        frame[frame.length - 1] = ',';
        assertThat(Mongrel2Codec.parse(frame).body()).containsExactly(body);
    }

    @Test
    void repeatedHeadersComeAsJsonArrays() {
        Mongrel2Request r = Mongrel2Codec.parse(bytes(UUID + " 1 / "
                + netstring("{\"METHOD\":\"GET\",\"cookie\":[\"a=1\",\"b=2\"]}") + "0:,"));
        assertThat(r.headers().get("Cookie")).containsExactly("a=1", "b=2");
        assertThat(r.header("cookie")).isEqualTo("a=1");
    }

    @Test
    void parsesTnetstringHeaders() {
        String dict = "6:METHOD,4:POST,4:PATH,2:/t,6:x-many,8:1:a,1:b,]3:num,2:42#";
        Mongrel2Request r = Mongrel2Codec.parse(bytes(UUID + " 5 /t " + bytes(dict).length + ":" + dict + "}"
                + netstring("hi")));
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.headers().get("x-many")).containsExactly("a", "b");
        assertThat(r.header("num")).isEqualTo("42");
        assertThat(r.bodyText()).isEqualTo("hi");
    }

    /** Exactly what Mongrel2 1.12.2 sends when a client goes away. */
    @Test
    void recognisesTheDisconnectNotice() {
        Mongrel2Request r = Mongrel2Codec.parse(bytes(UUID
                + " 4 @* 17:{\"METHOD\":\"JSON\"},21:{\"type\":\"disconnect\"},"));
        assertThat(r.isJson()).isTrue();
        assertThat(r.isDisconnect()).isTrue();
        assertThat(r.path()).isEqualTo("@*");
    }

    @Test
    void otherJsonMessagesAreNoDisconnect() {
        Mongrel2Request r = Mongrel2Codec.parse(bytes(UUID + " 4 @chat " + netstring("{\"METHOD\":\"JSON\"}")
                + netstring("{\"type\":\"msg\"}")));
        assertThat(r.isJson()).isTrue();
        assertThat(r.isDisconnect()).isFalse();
    }

    @Test
    void recognisesTheUploadNoticesAndKeepsTheFileInsideTheChroot(@TempDir Path chroot) {
        String start = "\"x-mongrel2-upload-start\":\"/tmp/upload.aMS9Xv\"";
        Mongrel2Request first = Mongrel2Codec.parse(bytes(UUID + " 3 /big "
                + netstring("{\"METHOD\":\"POST\"," + start + "}") + "0:,"));
        assertThat(first.isUploadStarted()).isTrue();
        assertThat(first.isUploadDone()).isFalse();
        Mongrel2Request done = Mongrel2Codec.parse(bytes(UUID + " 3 /big "
                + netstring("{\"METHOD\":\"POST\",\"x-mongrel2-upload-done\":\"/tmp/upload.aMS9Xv\"," + start + "}")
                + "0:,"));
        assertThat(done.isUploadStarted()).isFalse();
        assertThat(done.isUploadDone()).isTrue();
        assertThat(done.uploadFile(chroot)).isEqualTo(chroot.toAbsolutePath().resolve("tmp/upload.aMS9Xv"));

        Mongrel2Request escaping = Mongrel2Codec.parse(bytes(UUID + " 3 /big "
                + netstring("{\"x-mongrel2-upload-start\":\"/../../etc/passwd\"}") + "0:,"));
        assertThatThrownBy(() -> escaping.uploadFile(chroot)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not inside");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",                                                       // nothing
        "no-spaces-at-all",                                        // one token
        UUID + " 1",                                               // no path
        UUID + " x1 / 2:{},0:,",                                   // connection id not a number
        UUID + "  / 2:{},0:,",                                     // empty connection id
        UUID + " 1 / ",                                            // no headers
        UUID + " 1 / 2{},0:,",                                     // no colon after the length
        UUID + " 1 / :{},0:,",                                     // no length
        UUID + " 1 / -2:{},0:,",                                   // negative length
        UUID + " 1 / 99:{},0:,",                                   // length past the end
        UUID + " 1 / 1234567890123:{},0:,",                        // absurd length
        UUID + " 1 / 3:{},0:,",                                    // length one too long: wrong terminator
        UUID + " 1 / 2:{};0:,",                                    // unknown terminator
        UUID + " 1 / 2:{},",                                       // no body
        UUID + " 1 / 2:{},0:",                                     // body without its comma
        UUID + " 1 / 2:{},1:,",                                    // body length past the end
        UUID + " 1 / 2:{},0:,x",                                   // bytes after the body
        UUID + " 1 / 2:[],0:,",                                    // headers not an object
        UUID + " 1 / 5:{\"a\":,0:,",                               // headers not JSON
        UUID + " 1 / 9:{\"a\":{}},0:,",                            // header value an object
        UUID + " 1 / 5:1:a,}0:,",                                  // tnetstring key without value
        UUID + " 1 / 4:1:a]}0:,",                                  // tnetstring not a dictionary
        UUID + " 1 / 6:1:a,0:X}0:,",                               // unknown tnetstring type
        UUID + " 1 @* 17:{\"METHOD\":\"JSON\"},3:{x:,",            // JSON message body not JSON
        UUID + " 1 / 30:{\"x-mongrel2-upload-done\":\"/a\"},0:,",  // upload done without start
    })
    void refusesMalformedRequestsWithAReason(String frame) {
        assertThatThrownBy(() -> Mongrel2Codec.parse(bytes(frame))).isInstanceOf(Mongrel2ProtocolException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    @Test
    void aMalformedRequestNamesItsSenderWhenItHadOne() {
        assertThatThrownBy(() -> Mongrel2Codec.parse(bytes(UUID + " 1 / 2:{};0:,")))
                .isInstanceOfSatisfying(Mongrel2ProtocolException.class, e -> {
                    assertThat(e.sender()).isEqualTo(UUID);
                    assertThat(e.getMessage()).contains("connection 1").contains("'.'".replace(".", ";"));
                    assertThat(e.getStackTrace()).isEmpty();
                });
        assertThatThrownBy(() -> Mongrel2Codec.parse(bytes("x")))
                .isInstanceOfSatisfying(Mongrel2ProtocolException.class, e -> assertThat(e.sender()).isNull());
    }

    @Test
    void repliesToOneOrManyConnections() {
        assertThat(new String(Mongrel2Codec.reply(UUID, List.of("7"), bytes("hi")), StandardCharsets.UTF_8))
                .isEqualTo(UUID + " 1:7, hi");
        assertThat(new String(Mongrel2Codec.reply(UUID, List.of("7", "12", "300"), bytes("x")),
                StandardCharsets.UTF_8)).isEqualTo(UUID + " 8:7 12 300, x");
        Mongrel2Reply close = Mongrel2Reply.close(UUID, List.of("9"));
        assertThat(close.closes()).isTrue();
        ZmqMessage frames = close.toZmqMessage();
        assertThat(frames.size()).isEqualTo(1);
        assertThat(frames.first().text()).isEqualTo(UUID + " 1:9, ");
    }

    @Test
    void refusesRepliesMongrel2CannotRoute() {
        assertThatThrownBy(() -> Mongrel2Reply.close(UUID, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mongrel2Reply.close(UUID, List.of("1 2"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mongrel2Reply.close("a b", List.of("1"))).isInstanceOf(IllegalArgumentException.class);
        List<String> many = java.util.stream.IntStream.range(0, 129).mapToObj(Integer::toString).toList();
        assertThatThrownBy(() -> Mongrel2Reply.close(UUID, many)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("128");
    }

    @Test
    void writesHttpResponsesWithTheirLength() {
        Mongrel2Response r = Mongrel2Response.status(404).header("Content-Type", "text/plain")
                .header("Content-Length", "999").body("gone");
        assertThat(new String(r.toHttp(), StandardCharsets.ISO_8859_1)).isEqualTo(
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\ngone");
        assertThat(new String(Mongrel2Response.status(299).toHttp(), StandardCharsets.ISO_8859_1))
                .isEqualTo("HTTP/1.1 299 Status 299\r\nContent-Length: 0\r\n\r\n");
        assertThatThrownBy(() -> Mongrel2Response.ok("x").header("X-Bad", "a\r\nInjected: 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mongrel2Response.status(42)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestAnswersItsOwnConnection() {
        Mongrel2Request r = Mongrel2Codec.parse(bytes(UUID + " 21 / " + netstring("{\"METHOD\":\"GET\"}") + "0:,"));
        Mongrel2Reply reply = r.reply(Mongrel2Response.ok("é"));
        assertThat(reply.sender()).isEqualTo(UUID);
        assertThat(reply.connectionIds()).containsExactly("21");
        assertThat(new String(reply.toBytes(), StandardCharsets.UTF_8)).startsWith(UUID + " 2:21, HTTP/1.1 200 OK\r\n")
                .endsWith("Content-Length: 2\r\n\r\né");
        assertThat(r.close().closes()).isTrue();
    }
}
