package dev.zmq.io;

import dev.zmq.wire.Metadata;

/**
 * What the handshake told about a peer. Immutable.
 *
 * @param address    the remote address, e.g. {@code tcp://127.0.0.1:5555}
 * @param socketType the peer's announced socket type
 * @param zmtpMinor  the peer's ZMTP minor version (0 for 3.0 peers such as JeroMQ)
 * @param metadata   all READY properties
 * @param mechanism  the security mechanism of the connection, e.g. {@code PLAIN}
 * @param userId     the user the peer authenticated as (empty when none)
 */
public record PeerInfo(String address, String socketType, int zmtpMinor, Metadata metadata, String mechanism,
                       String userId) {

    /** The peer's Identity property, or an empty array. */
    public byte[] routingId() {
        byte[] id = metadata.get(Metadata.IDENTITY);
        return id == null ? new byte[0] : id;
    }
}
