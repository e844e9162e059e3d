package dev.zmq.spring.test;

import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.spring.config.OptionValue;
import dev.zmq.spring.config.ZmqSocketSpec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The socket the harness plays against one of the application's: the type that talks to it (a PUSH for a PULL, an
 * XPUB for a SUB, a DEALER for a REP or ROUTER, ...), binding what the application's socket connects to and
 * connecting to what it binds. Stateless.
 */
final class PeerSockets {

    private static final Map<SocketType, SocketType> PEER = Map.ofEntries(
            Map.entry(SocketType.PULL, SocketType.PUSH), Map.entry(SocketType.PUSH, SocketType.PULL),
            Map.entry(SocketType.SUB, SocketType.XPUB), Map.entry(SocketType.XSUB, SocketType.XPUB),
            Map.entry(SocketType.PUB, SocketType.SUB), Map.entry(SocketType.XPUB, SocketType.SUB),
            Map.entry(SocketType.REP, SocketType.DEALER), Map.entry(SocketType.ROUTER, SocketType.DEALER),
            Map.entry(SocketType.REQ, SocketType.ROUTER), Map.entry(SocketType.DEALER, SocketType.ROUTER),
            Map.entry(SocketType.PAIR, SocketType.PAIR), Map.entry(SocketType.SERVER, SocketType.CLIENT),
            Map.entry(SocketType.CLIENT, SocketType.SERVER), Map.entry(SocketType.GATHER, SocketType.SCATTER),
            Map.entry(SocketType.SCATTER, SocketType.GATHER), Map.entry(SocketType.RADIO, SocketType.DISH),
            Map.entry(SocketType.DISH, SocketType.RADIO), Map.entry(SocketType.PEER, SocketType.PEER),
            Map.entry(SocketType.CHANNEL, SocketType.CHANNEL));

    private PeerSockets() {
    }

    /**
     * The harness's peer of {@code app}, subscribed to every topic when it is a SUB, sending and receiving within
     * {@code timeout}, reading trace envelopes when {@code app} sends them.
     */
    static ZmqSocketSpec of(ZmqSocketSpec app, Duration timeout) {
        SocketType type = PEER.get(app.type());
        List<String> topics = type == SocketType.SUB ? List.of("") : List.of();
        return new ZmqSocketSpec("harness:" + app.name(), type, app.connect(), app.bind(), topics, List.of(
                new OptionValue<>(SocketOption.LINGER, Duration.ZERO),
                new OptionValue<>(SocketOption.SNDTIMEO, timeout)), app.propagation());
    }
}
