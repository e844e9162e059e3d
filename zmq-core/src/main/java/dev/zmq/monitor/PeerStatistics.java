package dev.zmq.monitor;

/**
 * One peer's numbers at one moment. Immutable.
 *
 * @param endpoint      the bound or connected endpoint the peer came through
 * @param address       the peer's address (the endpoint while not connected)
 * @param routingId     the peer's routing id, hex, or {@code ""}
 * @param mechanism     the connection's security mechanism, or {@code ""} (inproc, not connected)
 * @param userId        the user the peer authenticated as, or {@code ""}
 * @param queuedOut     messages waiting to be written to the peer
 * @param queuedIn      messages received from the peer, not yet read by the application
 * @param hwmOut        the outbound high-water mark (0: none)
 * @param hwmIn         the inbound high-water mark (0: none)
 * @param messagesOut   messages written to the peer
 * @param bytesOut      body bytes written to the peer
 * @param messagesIn    messages received from the peer
 * @param bytesIn       body bytes received from the peer
 * @param swappedBytes  outgoing bytes spilled to disk (SWAP) and not yet sent
 */
public record PeerStatistics(String endpoint, String address, String routingId, String mechanism, String userId,
                             int queuedOut, int queuedIn,
                             int hwmOut, int hwmIn, long messagesOut, long bytesOut, long messagesIn, long bytesIn,
                             long swappedBytes) {
}
