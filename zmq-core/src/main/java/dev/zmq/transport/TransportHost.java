package dev.zmq.transport;

import dev.zmq.io.IoThread;
import dev.zmq.io.SessionOwner;

import java.nio.channels.spi.SelectorProvider;

/**
 * What a {@link Transport} needs from the socket it binds or connects for, and from that socket's context.
 *
 * <p>Implementations are thread-safe.
 */
public interface TransportHost {

    /** The socket as its connections see it. */
    SessionOwner socket();

    /** The I/O thread to serve a new endpoint whose channels come from {@code provider}. */
    IoThread ioThread(SelectorProvider provider);

    /** Counts a listener, session or datagram endpoint the context waits for when closing. */
    void ioStarted();
}
