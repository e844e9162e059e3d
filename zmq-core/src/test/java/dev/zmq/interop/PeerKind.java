package dev.zmq.interop;

import dev.zmq.SocketType;

import java.util.function.Function;

/** The foreign implementations every wire feature is tested against. */
enum PeerKind {
    LIBZMQ(LibzmqPeer::new),
    JEROMQ(JeromqPeer::new);

    private final Function<SocketType, TestPeer> factory;

    PeerKind(Function<SocketType, TestPeer> factory) {
        this.factory = factory;
    }

    TestPeer create(SocketType type) {
        return factory.apply(type);
    }
}
