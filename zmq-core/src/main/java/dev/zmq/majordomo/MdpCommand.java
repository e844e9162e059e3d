package dev.zmq.majordomo;

import org.jspecify.annotations.Nullable;

/**
 * The five MDP/Worker commands of RFC 7 and the one-byte code each travels as (frame 2 of a worker message).
 *
 * <p>Immutable and thread-safe.
 */
public enum MdpCommand {
    /** Worker to broker: the worker serves the service named in the next frame. */
    READY(0x01),
    /** Broker to worker: a client's request (client address, empty frame, body). */
    REQUEST(0x02),
    /** Worker to broker: the reply to a request (client address, empty frame, body). */
    REPLY(0x03),
    /** Either way: the sender is alive. */
    HEARTBEAT(0x04),
    /** Either way: the sender ends the conversation; the worker reconnects on a new socket. */
    DISCONNECT(0x05);

    private final byte code;

    MdpCommand(int code) {
        this.code = (byte) code;
    }

    /** The byte this command travels as. */
    public byte code() {
        return code;
    }

    /** The command a one-byte frame names, or {@code null} when {@code frame} is not exactly one known byte. */
    public static @Nullable MdpCommand of(byte[] frame) {
        if (frame.length != 1) {
            return null;
        }
        for (MdpCommand c : values()) {
            if (c.code == frame[0]) {
                return c;
            }
        }
        return null;
    }
}
