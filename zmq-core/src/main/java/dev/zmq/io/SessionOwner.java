package dev.zmq.io;

import dev.zmq.SocketOptions;
import dev.zmq.ZmqMessage;
import dev.zmq.monitor.EventSink;
import dev.zmq.monitor.TrafficCounters;
import dev.zmq.pipe.Peer;
import dev.zmq.pipe.Pipe;

import java.util.List;

/**
 * The socket as its sessions see it. Implementations are thread-safe: sessions call from I/O threads.
 */
public interface SessionOwner {

    /** The socket's configuration for new connections (a fresh options snapshot). */
    ConnectionConfig connectionConfig();

    /** A new peer with the HWMs of {@code options} (a connection's snapshot), wired to wake the socket's thread. */
    Peer newPeer(String endpoint, SocketOptions options);

    /** A peer over the given pipes (an inproc peer), wired to wake the socket's thread. */
    Peer newPeer(String endpoint, Pipe out, Pipe in);

    /** Hands {@code peer} to the socket's routing rule (applied on the socket's thread). */
    void attach(Peer peer);

    /**
     * Detaches and attaches {@code peer} again on the socket's thread, so the routing rule sends what a new
     * connection needs (a SUB's subscriptions) over the same pipes.
     */
    void reattach(Peer peer);

    /** Takes {@code peer} away from the socket's routing rule (applied on the socket's thread). */
    void detach(Peer peer);

    /** Messages a new connection to {@code peer} must send first; see {@link dev.zmq.pattern.SocketPattern#preamble}. */
    List<ZmqMessage> preamble(Peer peer, boolean replay);

    /** The socket's traffic totals, which its connections add to. */
    TrafficCounters traffic();

    /** Where events go. */
    EventSink events();

    /** A session or listener has finished for good (used by the context to wait for lingering I/O). */
    void ioFinished();
}
