package dev.zmq.spring.test;

import dev.zmq.OptionValue;
import dev.zmq.SocketOption;
import dev.zmq.SocketSpec;
import dev.zmq.SocketType;
import dev.zmq.spring.support.ZmqSocketSpec;

import java.time.Duration;
import java.util.List;

/**
 * The socket the harness plays against one of the application's: the type's {@linkplain SocketType#naturalPeer()
 * natural peer}, in its {@linkplain SocketType#raw() raw} variant when it sends (a DEALER rather than a REQ, so
 * requests need not alternate with replies; a ROUTER rather than a REP, to answer in any order; an XPUB rather than
 * a PUB, to see subscriptions arrive), a plain SUB subscribed to everything for a publisher, binding what the application's socket connects
 * to and connecting to what it binds. Stateless.
 */
final class PeerSockets {

    private PeerSockets() {
    }

    /**
     * The harness's peer of {@code app}, subscribed to every topic when it is a SUB, sending and receiving within
     * {@code timeout}, reading trace envelopes when {@code app} sends them.
     */
    static ZmqSocketSpec of(ZmqSocketSpec app, Duration timeout) {
        SocketType peer = app.type().naturalPeer();
        SocketType type = peer.canSend() ? peer.raw() : peer;
        List<String> topics = type == SocketType.SUB ? List.of("") : List.of();
        return new ZmqSocketSpec(new SocketSpec("harness:" + app.name(), type, app.connect(), app.bind(), topics,
                List.of(new OptionValue<>(SocketOption.LINGER, Duration.ZERO),
                        new OptionValue<>(SocketOption.SNDTIMEO, timeout))), app.propagation());
    }
}
