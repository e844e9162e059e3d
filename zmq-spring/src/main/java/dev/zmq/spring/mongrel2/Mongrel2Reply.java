package dev.zmq.spring.mongrel2;

import dev.zmq.Frame;
import dev.zmq.ZmqMessage;
import dev.zmq.spring.support.ZmqMessageConverter;

import java.util.List;

/**
 * What a handler publishes to Mongrel2: a payload for one or more connections of one server. Return it from a
 * {@code @ZmqListener} with {@code @SendTo}, or send it with {@link Mongrel2Replies} or any template send: it is
 * {@link ZmqMessageConverter.Framed}, so it goes out as its one frame ({@link Mongrel2Codec#reply}), not as JSON.
 * Immutable (the payload is not copied).
 *
 * @param sender        the server's UUID
 * @param connectionIds 1 to {@value Mongrel2Codec#MAX_CONNECTIONS_PER_REPLY} connection ids
 * @param payload       what the clients get as it is (HTTP, a chunk, WebSocket frames); empty closes them
 */
public record Mongrel2Reply(String sender, List<String> connectionIds, byte[] payload)
        implements ZmqMessageConverter.Framed {

    /**
     * @throws IllegalArgumentException as {@link Mongrel2Codec#reply} does
     */
    public Mongrel2Reply {
        connectionIds = List.copyOf(connectionIds);
        Mongrel2Codec.reply(sender, connectionIds, new byte[0]);
    }

    /** {@code response} as HTTP to {@code connectionIds}. */
    public static Mongrel2Reply of(String sender, List<String> connectionIds, Mongrel2Response response) {
        return new Mongrel2Reply(sender, connectionIds, response.toHttp());
    }

    /** Closes {@code connectionIds} (an empty payload). */
    public static Mongrel2Reply close(String sender, List<String> connectionIds) {
        return new Mongrel2Reply(sender, connectionIds, new byte[0]);
    }

    /** Whether this reply closes its connections. */
    public boolean closes() {
        return payload.length == 0;
    }

    /** The wire frame: {@code UUID SIZE:IDS, PAYLOAD}. */
    public byte[] toBytes() {
        return Mongrel2Codec.reply(sender, connectionIds, payload);
    }

    @Override
    public ZmqMessage toZmqMessage() {
        return ZmqMessage.of(Frame.wrap(toBytes()));
    }

    @Override
    public String toString() {
        return "Mongrel2Reply[" + sender + " -> " + connectionIds + ", " + payload.length + " bytes]";
    }
}
