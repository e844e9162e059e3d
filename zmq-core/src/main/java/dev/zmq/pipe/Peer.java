package dev.zmq.pipe;

import dev.zmq.ZmqMessage;
import dev.zmq.monitor.PeerStatistics;
import dev.zmq.monitor.TrafficCounters;

import java.util.HexFormat;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One peer of a socket as its routing rule sees it: a pipe out to the peer and a pipe in from it, plus what the
 * handshake told about the peer. A peer of a connecting socket outlives reconnects, so messages queued for it are
 * kept while the connection is down.
 *
 * <p>Thread-safety: the socket's thread writes {@link #out()} and reads {@link #in()}; the peer's I/O thread does
 * the reverse. {@link #routingId()} and {@link #address()} are safe to read from any thread.
 */
public final class Peer {

    private final Pipe out;
    private final Pipe in;
    private final String endpoint;
    private final TrafficCounters traffic = new TrafficCounters();
    private volatile byte[] routingId = new byte[0];
    private volatile String address;
    private volatile String mechanism = "";
    private volatile String userId = "";
    private volatile long subscriptionVersion = -1;
    private volatile Consumer<String> disconnector = reason -> { };

    /** A peer with an outbound pipe bounded by {@code sndHwm} and an inbound one bounded by {@code rcvHwm}. */
    public Peer(String endpoint, int sndHwm, int rcvHwm) {
        this(endpoint, Pipe.bounded(sndHwm), Pipe.bounded(rcvHwm));
    }

    /** A peer over existing pipes: an inproc peer shares them, crossed, with the other socket's peer. */
    public Peer(String endpoint, Pipe out, Pipe in) {
        this.endpoint = endpoint;
        this.out = out;
        this.in = in;
        this.address = endpoint;
    }

    /** Messages from the socket to the peer. */
    public Pipe out() {
        return out;
    }

    /** Messages from the peer to the socket. */
    public Pipe in() {
        return in;
    }

    /** Queues a message to the peer unless its pipe is at the HWM. */
    public boolean send(ZmqMessage message) {
        return out.offer(message);
    }

    /** Takes the next message from the peer, or {@code null}. */
    public @Nullable ZmqMessage recv() {
        return in.poll();
    }


    /** The endpoint this peer came through (the bound or connected endpoint). */
    public String endpoint() {
        return endpoint;
    }

    /** Whether the peer is a datagram endpoint ({@code udp://}): it carries data one way and no commands. */
    public boolean isDatagram() {
        return endpoint.startsWith("udp://");
    }

    /** The peer's routing id (its ZMTP Identity), empty when it announced none. */
    public byte[] routingId() {
        return routingId;
    }

    /** The remote address of the current connection, or the endpoint while not connected. */
    public String address() {
        return address;
    }

    /** Records what the handshake told about the peer. */
    public void connected(String remoteAddress, byte[] peerRoutingId, String securityMechanism, String user) {
        this.address = remoteAddress;
        this.routingId = peerRoutingId;
        this.mechanism = securityMechanism;
        this.userId = user;
    }

    /** The security mechanism of the current connection ({@code NULL}, {@code PLAIN}; empty for inproc). */
    public String mechanism() {
        return mechanism;
    }

    /** The user the peer authenticated as through ZAP, or empty. */
    public String userId() {
        return userId;
    }

    /** Traffic to and from this peer, over all its connections, as counted by their engines. */
    public TrafficCounters traffic() {
        return traffic;
    }

    /** Whether the pipes count this peer's traffic themselves (an inproc peer, which no engine serves). */
    public boolean pipesCountTraffic() {
        return out.countsTraffic();
    }

    /** Messages sent to this peer so far (any thread). */
    public long messagesOut() {
        return pipesCountTraffic() ? out.messagesWritten() : traffic.messagesOut();
    }

    /** Body bytes sent to this peer so far (any thread). */
    public long bytesOut() {
        return pipesCountTraffic() ? out.bytesWritten() : traffic.bytesOut();
    }

    /** Messages received from this peer so far (any thread). */
    public long messagesIn() {
        return pipesCountTraffic() ? in.messagesRead() : traffic.messagesIn();
    }

    /** Body bytes received from this peer so far (any thread). */
    public long bytesIn() {
        return pipesCountTraffic() ? in.bytesRead() : traffic.bytesIn();
    }

    /** This peer's numbers now. Safe from any thread. */
    public PeerStatistics statistics() {
        return new PeerStatistics(endpoint, address, HexFormat.of().formatHex(routingId), mechanism, userId,
                out.depth(), in.depth(), out.hwm(), in.hwm(), messagesOut(), bytesOut(), messagesIn(), bytesIn(),
                out.swappedBytes());
    }

    /** Sets how {@link #disconnect(String)} reaches the peer's current connection (set by its session). */
    public void onDisconnect(Consumer<String> disconnector) {
        this.disconnector = disconnector;
    }

    /**
     * Asks for the peer's current connection to be closed with {@code reason} (e.g. a ROUTER refusing a duplicate
     * routing id), as if the peer had dropped it; a connecting peer will reconnect. Safe from any thread.
     */
    public void disconnect(String reason) {
        disconnector.accept(reason);
    }

    /** Version of the socket's subscription set this peer's connection last sent as its preamble; -1 for none. */
    public long subscriptionVersion() {
        return subscriptionVersion;
    }

    /** Records that the connection sent the subscription set of {@code version}. */
    public void subscriptionVersion(long version) {
        this.subscriptionVersion = version;
    }

    @Override
    public String toString() {
        return "Peer[" + address + "]";
    }
}
