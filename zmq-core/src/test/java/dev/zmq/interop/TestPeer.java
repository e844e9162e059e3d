package dev.zmq.interop;

import dev.zmq.ZmqMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One side of an interop test: our socket, or a foreign implementation's (libzmq, JeroMQ), behind one interface. */
interface TestPeer extends AutoCloseable {

    /** Binds and returns the resolved endpoint. */
    String bind(String endpoint);

    void connect(String endpoint);

    void subscribe(byte[] topic);

    void unsubscribe(byte[] topic);

    void send(ZmqMessage message);

    /** Sends {@code count} single-frame messages {@code prefix + i}. */
    default void sendMany(int count, String prefix) {
        for (int i = 0; i < count; i++) {
            send(ZmqMessage.of(prefix + i));
        }
    }

    /** The next message, or {@code null} after {@code timeout}. */
    ZmqMessage recv(Duration timeout);

    /** Up to {@code count} messages, stopping when none arrives for {@code idle}. */
    default List<ZmqMessage> recvMany(int count, Duration idle) {
        List<ZmqMessage> out = new ArrayList<>();
        ZmqMessage m;
        while (out.size() < count && (m = recv(idle)) != null) {
            out.add(m);
        }
        return out;
    }

    /** Sets heartbeats: a PING every {@code ivlMillis}, drop the peer after {@code timeoutMillis} of silence. */
    void heartbeat(int ivlMillis, int timeoutMillis);

    /** Sets the largest message accepted (MAXMSGSIZE). */
    void maxMessageSize(long bytes);

    /** Sets the routing id announced to peers (ROUTING_ID); call before connecting. */
    void routingId(byte[] id);

    /** Sets PROBE_ROUTER: an empty message goes to every new peer. */
    void probeRouter();

    /** Lets the socket bind and connect IPv6 endpoints (libzmq's and JeroMQ's IPV6 option; ours needs none). */
    void ipv6();

    /** Ends the peer abruptly (process killed / context dropped without linger). */
    void kill();

    /** Closes the peer normally. */
    @Override
    void close();
}
