package dev.zmq.monitor;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One socket event: what happened, on which endpoint, with which peer, and why.
 *
 * <p>Immutable.
 *
 * @param type     what happened
 * @param socket   the socket's description (type and id)
 * @param endpoint the bound or connected endpoint concerned
 * @param peer     the remote address, or {@code null} when not about a connection
 * @param detail   the reason or other detail, or {@code ""}
 * @param time     when it happened
 */
public record SocketEvent(SocketEventType type, String socket, String endpoint, @Nullable String peer, String detail,
                          Instant time) {

    @Override
    public String toString() {
        return type + " " + socket + " " + endpoint + (peer == null ? "" : " peer=" + peer)
                + (detail.isEmpty() ? "" : ": " + detail);
    }
}
