package dev.zmq.monitor;

import java.util.List;

/**
 * A socket's numbers at one moment: per peer, and totals that include peers already gone. Immutable; made by
 * {@code ZmqSocket.statistics()}, cheap enough to take every second from another thread.
 *
 * @param socket          the socket's name, e.g. {@code PUB#3}
 * @param type            the socket type
 * @param peers           the peers now known
 * @param messagesOut     messages written to peers, in total
 * @param bytesOut        body bytes written, in total
 * @param messagesIn      messages received, in total
 * @param bytesIn         body bytes received, in total
 * @param droppedAtHwm    messages dropped because a peer's pipe was at its HWM (PUB, XPUB, ROUTER, REP)
 * @param droppedNoRoute  messages dropped because no peer had the routing id (ROUTER)
 * @param events          reconnects, handshake failures and MAXMSGSIZE drops so far (live counters)
 */
public record SocketStatistics(String socket, String type, List<PeerStatistics> peers, long messagesOut,
                               long bytesOut, long messagesIn, long bytesIn, long droppedAtHwm,
                               long droppedNoRoute, EventCounters events) {

    /** Messages queued now across peers, outbound. */
    public int queuedOut() {
        return peers.stream().mapToInt(PeerStatistics::queuedOut).sum();
    }

    /** The most messages queued now in one peer's outbound pipe. */
    public int maxQueuedOut() {
        return peers.stream().mapToInt(PeerStatistics::queuedOut).max().orElse(0);
    }

    /** The most messages queued now in one peer's inbound pipe. */
    public int maxQueuedIn() {
        return peers.stream().mapToInt(PeerStatistics::queuedIn).max().orElse(0);
    }

    /** Outgoing bytes waiting on disk (SWAP) across peers. */
    public long swappedBytes() {
        return peers.stream().mapToLong(PeerStatistics::swappedBytes).sum();
    }

    /** Messages queued now across peers, inbound. */
    public int queuedIn() {
        return peers.stream().mapToInt(PeerStatistics::queuedIn).sum();
    }
}
