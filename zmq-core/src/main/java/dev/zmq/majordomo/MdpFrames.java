package dev.zmq.majordomo;

import dev.zmq.Frame;
import dev.zmq.ZmqMessage;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds and parses RFC 7's messages, frame by frame, exactly as the RFC lays them out. Builders take and give
 * messages as the sockets see them: a broker's (ROUTER) messages start with the peer's routing id; a client's or
 * worker's (DEALER) messages start with the empty frame. Parsers are strict and throw {@link MdpProtocolException}
 * naming the rule broken and the frame at fault.
 *
 * <p>Stateless and thread-safe.
 */
public final class MdpFrames {

    /** {@code MDPC01}: MDP/Client, version 0.1. */
    public static final String CLIENT_HEADER = "MDPC01";
    /** {@code MDPW01}: MDP/Worker, version 0.1. */
    public static final String WORKER_HEADER = "MDPW01";

    private static final byte[] CLIENT = CLIENT_HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WORKER = WORKER_HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final Frame CLIENT_FRAME = Frame.wrap(CLIENT);
    private static final Frame WORKER_FRAME = Frame.wrap(WORKER);
    private static final HexFormat HEX = HexFormat.of();

    private MdpFrames() {
    }

    // ---------------------------------------------------------------- what the broker receives

    /** What a broker's ROUTER received, parsed: a {@link ClientRequest} or a {@link WorkerCommand}. */
    public sealed interface AtBroker permits ClientRequest, WorkerCommand {
    }

    /** A client's REQUEST as the broker's ROUTER received it. */
    public record ClientRequest(byte[] client, String service, ZmqMessage body) implements AtBroker {
    }

    /**
     * A worker's command as the broker's ROUTER received it: {@code service} for READY, {@code client} and
     * {@code body} for REPLY, neither otherwise.
     */
    public record WorkerCommand(byte[] worker, MdpCommand command, @Nullable String service, byte @Nullable [] client,
                                @Nullable ZmqMessage body) implements AtBroker {
    }

    /**
     * Parses what a broker's ROUTER received: {@code [peer, "", MDPC01, service, body...]} or
     * {@code [peer, "", MDPW01, command, ...]}.
     *
     * @throws MdpProtocolException when the message breaks RFC 7
     */
    public static AtBroker parseAtBroker(ZmqMessage m) {
        byte[] peer = m.data(0);
        if (m.size() < 3) {
            throw violation(MdpError.TOO_FEW_FRAMES, m.size() - 1 + " frame(s), an MDP message has at least 3");
        }
        if (m.data(1).length != 0) {
            throw violation(MdpError.MISSING_EMPTY_FRAME, "frame 0 is not empty");
        }
        byte[] header = m.data(2);
        if (Arrays.equals(header, CLIENT)) {
            if (m.size() < 5) {
                throw violation(MdpError.TOO_FEW_FRAMES,
                        "a client REQUEST needs a service and a body, got " + (m.size() - 1) + " frame(s)");
            }
            return new ClientRequest(peer, text(m.data(3)), tail(m, 4));
        }
        if (!Arrays.equals(header, WORKER)) {
            throw violation(MdpError.WRONG_HEADER, "header " + describe(header) + " is neither MDPC01 nor MDPW01");
        }
        if (m.size() < 4) {
            throw violation(MdpError.TOO_FEW_FRAMES, "a worker message needs a command frame");
        }
        MdpCommand command = command(m.data(3));
        return switch (command) {
            case READY -> {
                exactly(m, 5, "READY");
                yield new WorkerCommand(peer, command, text(m.data(4)), null, null);
            }
            case REPLY, REQUEST -> {
                if (m.size() < 7) {
                    throw violation(MdpError.TOO_FEW_FRAMES, command + " needs a client address, an empty frame and a"
                            + " body, got " + (m.size() - 1) + " frame(s)");
                }
                if (m.data(5).length != 0) {
                    throw violation(MdpError.MISSING_EMPTY_FRAME, command + "'s envelope delimiter (frame 4) is not empty");
                }
                yield new WorkerCommand(peer, command, null, m.data(4), tail(m, 6));
            }
            case HEARTBEAT, DISCONNECT -> {
                exactly(m, 4, command.name());
                yield new WorkerCommand(peer, command, null, null, null);
            }
        };
    }

    /** Whether a message a broker's ROUTER received claims to be MDP/Worker (its header frame is {@code MDPW01}). */
    public static boolean speaksWorkerProtocol(ZmqMessage m) {
        return m.size() >= 3 && Arrays.equals(m.data(2), WORKER);
    }

    // ---------------------------------------------------------------- what the broker sends

    /** The broker's REPLY to a client: {@code [client, "", MDPC01, service, body...]}. */
    public static ZmqMessage clientReply(byte[] client, String service, ZmqMessage body) {
        return prepend(body, Frame.wrap(client), Frame.EMPTY, CLIENT_FRAME, Frame.of(service));
    }

    /** A broker's REQUEST to a worker: {@code [worker, "", MDPW01, 0x02, client, "", body...]}. */
    public static ZmqMessage requestToWorker(byte[] worker, byte[] client, ZmqMessage body) {
        return prepend(body, Frame.wrap(worker), Frame.EMPTY, WORKER_FRAME, command(MdpCommand.REQUEST),
                Frame.wrap(client), Frame.EMPTY);
    }

    /** A broker's bodiless command (HEARTBEAT or DISCONNECT) to a worker: {@code [worker, "", MDPW01, command]}. */
    public static ZmqMessage toWorker(byte[] worker, MdpCommand command) {
        return ZmqMessage.of(Frame.wrap(worker), Frame.EMPTY, WORKER_FRAME, command(command));
    }

    // ---------------------------------------------------------------- the worker's side

    /** A command from the broker as a worker's DEALER received it: {@code client} and {@code body} for REQUEST. */
    public record BrokerCommand(MdpCommand command, byte @Nullable [] client, @Nullable ZmqMessage body) {
    }

    /**
     * Parses what a worker's DEALER received: {@code ["", MDPW01, command, ...]}; REQUEST, HEARTBEAT and DISCONNECT
     * are what a broker may send.
     *
     * @throws MdpProtocolException when the message breaks RFC 7
     */
    public static BrokerCommand parseAtWorker(ZmqMessage m) {
        if (m.size() < 3) {
            throw violation(MdpError.TOO_FEW_FRAMES, m.size() + " frame(s), a broker command has at least 3");
        }
        if (m.data(0).length != 0) {
            throw violation(MdpError.MISSING_EMPTY_FRAME, "frame 0 is not empty");
        }
        if (!Arrays.equals(m.data(1), WORKER)) {
            throw violation(MdpError.WRONG_HEADER, "header " + describe(m.data(1)) + " is not MDPW01");
        }
        MdpCommand command = command(m.data(2));
        return switch (command) {
            case REQUEST -> {
                if (m.size() < 6) {
                    throw violation(MdpError.TOO_FEW_FRAMES, "REQUEST needs a client address, an empty frame and a"
                            + " body, got " + m.size() + " frame(s)");
                }
                if (m.data(4).length != 0) {
                    throw violation(MdpError.MISSING_EMPTY_FRAME, "REQUEST's envelope delimiter (frame 4) is not empty");
                }
                yield new BrokerCommand(command, m.data(3), tail(m, 5));
            }
            case HEARTBEAT, DISCONNECT -> {
                if (m.size() != 3) {
                    throw violation(MdpError.TOO_MANY_FRAMES, command + " has 3 frames, got " + m.size());
                }
                yield new BrokerCommand(command, null, null);
            }
            case READY, REPLY -> throw violation(MdpError.UNEXPECTED_COMMAND, "a broker does not send " + command);
        };
    }

    /** A worker's READY: {@code ["", MDPW01, 0x01, service]}. */
    public static ZmqMessage ready(String service) {
        return ZmqMessage.of(Frame.EMPTY, WORKER_FRAME, command(MdpCommand.READY), Frame.of(service));
    }

    /** A worker's REPLY: {@code ["", MDPW01, 0x03, client, "", body...]}. */
    public static ZmqMessage reply(byte[] client, ZmqMessage body) {
        return prepend(body, Frame.EMPTY, WORKER_FRAME, command(MdpCommand.REPLY), Frame.wrap(client), Frame.EMPTY);
    }

    /** A worker's bodiless command (HEARTBEAT or DISCONNECT): {@code ["", MDPW01, command]}. */
    public static ZmqMessage fromWorker(MdpCommand command) {
        return ZmqMessage.of(Frame.EMPTY, WORKER_FRAME, command(command));
    }

    // ---------------------------------------------------------------- the client's side

    /** A client's REQUEST over a DEALER: {@code ["", MDPC01, service, body...]}. */
    public static ZmqMessage request(String service, ZmqMessage body) {
        return prepend(body, Frame.EMPTY, CLIENT_FRAME, Frame.of(service));
    }

    /**
     * The body of a REPLY as a client's DEALER received it, {@code ["", MDPC01, service, body...]}.
     *
     * @throws MdpProtocolException when the message breaks RFC 7 or answers another service
     */
    public static ZmqMessage parseAtClient(ZmqMessage m, String service) {
        if (m.size() < 4) {
            throw violation(MdpError.TOO_FEW_FRAMES, m.size() + " frame(s), a client REPLY has at least 4");
        }
        if (m.data(0).length != 0) {
            throw violation(MdpError.MISSING_EMPTY_FRAME, "frame 0 is not empty");
        }
        if (!Arrays.equals(m.data(1), CLIENT)) {
            throw violation(MdpError.WRONG_HEADER, "header " + describe(m.data(1)) + " is not MDPC01");
        }
        String answered = text(m.data(2));
        if (!answered.equals(service)) {
            throw violation(MdpError.UNEXPECTED_COMMAND, "a reply from service '" + answered + "' to a request for '"
                    + service + "'");
        }
        return tail(m, 3);
    }

    // ---------------------------------------------------------------- helpers

    /** A routing id or frame as the errors and events show it: hex, at most 32 bytes of it. */
    public static String hex(byte[] id) {
        return id.length <= 32 ? HEX.formatHex(id) : HEX.formatHex(id, 0, 32) + "...";
    }

    private static MdpCommand command(byte[] frame) {
        MdpCommand c = MdpCommand.of(frame);
        if (c == null) {
            throw violation(MdpError.UNKNOWN_COMMAND, "command frame " + describe(frame) + " is none of 0x01-0x05");
        }
        return c;
    }

    private static Frame command(MdpCommand c) {
        return Frame.wrap(new byte[] {c.code()});
    }

    private static void exactly(ZmqMessage m, int size, String what) {
        if (m.size() < size) {
            throw violation(MdpError.TOO_FEW_FRAMES, what + " has " + (size - 1) + " frames, got " + (m.size() - 1));
        }
        if (m.size() > size) {
            throw violation(MdpError.TOO_MANY_FRAMES, what + " has " + (size - 1) + " frames, got " + (m.size() - 1));
        }
    }

    private static String describe(byte[] frame) {
        return "0x" + hex(frame) + " (" + frame.length + " bytes)";
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static ZmqMessage tail(ZmqMessage m, int from) {
        List<Frame> all = m.frames();
        return m.withFrames(all.subList(from, all.size()));
    }

    private static ZmqMessage prepend(ZmqMessage body, Frame... head) {
        ZmqMessage.Builder b = ZmqMessage.builder();
        for (Frame f : head) {
            b.add(f);
        }
        for (int i = 0; i < body.size(); i++) {
            b.add(body.frame(i));
        }
        return b.build();
    }

    private static MdpProtocolException violation(MdpError error, String reason) {
        return new MdpProtocolException(error, reason);
    }
}
