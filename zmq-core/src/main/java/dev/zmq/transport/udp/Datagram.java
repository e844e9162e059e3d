package dev.zmq.transport.udp;

import dev.zmq.Frame;
import dev.zmq.ZmqMessage;
import dev.zmq.wire.ProtocolException;

import java.nio.ByteBuffer;

/**
 * libzmq's RADIO/DISH datagram: one message per datagram, a 1-byte group length, the group, then the body. A message
 * travels in pipes as two frames (group, body), which is what {@link #encode} takes and {@link #decode} gives.
 *
 * <p>Stateless and thread-safe.
 */
public final class Datagram {

    /** The largest datagram libzmq sends or accepts. */
    public static final int MAX_SIZE = 8192;

    private Datagram() {
    }

    /**
     * Writes {@code message} (group frame, body frame) into {@code out} (cleared first) and flips it.
     *
     * @return {@code false} when it does not fit in {@link #MAX_SIZE} (nothing is written)
     */
    public static boolean encode(ZmqMessage message, ByteBuffer out) {
        byte[] group = message.data(0);
        Frame body = message.last();
        out.clear();
        if (1 + group.length + body.size() > Math.min(MAX_SIZE, out.capacity())) {
            return false;
        }
        out.put((byte) group.length).put(group);
        out.put(body.data());
        out.flip();
        return true;
    }

    /**
     * Reads one received datagram (the remaining bytes of {@code in}) as a two-frame message.
     *
     * @throws ProtocolException when the datagram is empty or its group length runs past its end
     */
    public static ZmqMessage decode(ByteBuffer in) {
        if (!in.hasRemaining()) {
            throw new ProtocolException("empty datagram (no group length byte)");
        }
        int groupLength = in.get() & 0xFF;
        if (groupLength > in.remaining()) {
            throw new ProtocolException("group length " + groupLength + " runs past the end of a "
                    + (in.remaining() + 1) + "-byte datagram");
        }
        byte[] group = new byte[groupLength];
        in.get(group);
        byte[] body = new byte[in.remaining()];
        in.get(body);
        return ZmqMessage.of(Frame.wrap(group), Frame.wrap(body));
    }
}
