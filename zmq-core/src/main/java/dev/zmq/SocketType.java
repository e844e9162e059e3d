package dev.zmq;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The socket types this library implements, with the ZMTP name each announces and the peer types it accepts.
 *
 * <p>Immutable. {@link #fromName(String)} throws {@link ZmqException} ({@link ErrorCode#EINVAL}) for an unknown name.
 */
public enum SocketType {
    /** Exclusive pair: one peer, both directions. */
    PAIR(Set.of(), "PAIR"),
    /** Publisher: fan-out to matching subscribers, drops at HWM. */
    PUB(Set.of(), "SUB", "XSUB"),
    /** Subscriber: receives messages whose first frame starts with a subscribed topic. */
    SUB(Set.of(), "PUB", "XPUB"),
    /** Publisher that also receives the subscriptions of its subscribers. */
    XPUB(Set.of(), "SUB", "XSUB"),
    /** Subscriber that sends subscriptions as messages and does no local filtering. */
    XSUB(Set.of(), "PUB", "XPUB"),
    /** Pipeline source: round-robin to pullers, blocks at HWM. */
    PUSH(Set.of(), "PULL"),
    /** Pipeline sink: fair-queues from pushers. */
    PULL(Set.of(), "PUSH"),
    /** Client of request-reply: strict send/receive alternation, one request at a time. */
    REQ(Set.of(Trait.ANNOUNCES_IDENTITY), "REP", "ROUTER"),
    /** Service of request-reply: receives a request, sends the reply back along the request's envelope. */
    REP(Set.of(), "REQ", "DEALER"),
    /** Asynchronous request-reply: round-robin out, fair-queue in, no envelope handling. */
    DEALER(Set.of(Trait.ANNOUNCES_IDENTITY), "REP", "DEALER", "ROUTER"),
    /** Routes by peer identity: received messages start with the sender's routing id, sent ones with the target's. */
    ROUTER(Set.of(Trait.ANNOUNCES_IDENTITY, Trait.ROUTES_BY_IDENTITY), "REQ", "DEALER", "ROUTER"),
    /** Draft: thread-safe DEALER for single-frame messages, talks to SERVER. */
    CLIENT(Set.of(Trait.THREAD_SAFE), "SERVER"),
    /** Draft: thread-safe, single-frame; each received message carries its sender's 32-bit routing id. */
    SERVER(Set.of(Trait.THREAD_SAFE), "CLIENT"),
    /** Draft: thread-safe publisher to groups (exact match); over TCP, inproc or UDP (unicast or multicast). */
    RADIO(Set.of(Trait.THREAD_SAFE), "DISH"),
    /** Draft: thread-safe subscriber that joins groups; receives what RADIO sockets send to them. */
    DISH(Set.of(Trait.THREAD_SAFE), "RADIO"),
    /** Draft: thread-safe PUSH for single-frame messages. */
    SCATTER(Set.of(Trait.THREAD_SAFE), "GATHER"),
    /** Draft: thread-safe PULL for single-frame messages. */
    GATHER(Set.of(Trait.THREAD_SAFE), "SCATTER"),
    /** Draft: thread-safe SERVER that can also connect, learning the new peer's routing id at once. */
    PEER(Set.of(Trait.THREAD_SAFE), "PEER"),
    /** Draft: thread-safe PAIR for single-frame messages. */
    CHANNEL(Set.of(Trait.THREAD_SAFE), "CHANNEL");

    /** What sets a type apart beyond its routing rule, stated beside each constant. */
    private enum Trait {
        /** Any number of threads may use one socket at once (the draft types, as in libzmq). */
        THREAD_SAFE,
        /** Announces its routing id (ZMTP Identity) in READY, as libzmq does for REQ, DEALER and ROUTER. */
        ANNOUNCES_IDENTITY,
        /** Routes by peer identity, so a peer may join routing only once its handshake is done. */
        ROUTES_BY_IDENTITY
    }

    private final Set<Trait> traits;
    private final Set<String> peers;

    SocketType(Set<Trait> traits, String... peers) {
        this.traits = traits;
        this.peers = Set.of(peers);
    }

    /** Whether the type announces its routing id (ZMTP Identity) in READY, as libzmq does for REQ, DEALER, ROUTER. */
    public boolean announcesIdentity() {
        return traits.contains(Trait.ANNOUNCES_IDENTITY);
    }

    /**
     * Whether any number of threads may use a socket of this type at once (the draft types, as in libzmq). Others
     * are used by one thread at a time.
     */
    public boolean isThreadSafe() {
        return traits.contains(Trait.THREAD_SAFE);
    }

    /** Whether the type routes by peer identity, so a peer may join routing only once its handshake is done. */
    public boolean routesByIdentity() {
        return traits.contains(Trait.ROUTES_BY_IDENTITY);
    }

    /** The name announced in the ZMTP {@code Socket-Type} property. */
    public String wireName() {
        return name();
    }

    /** Whether a peer announcing {@code peerWireName} may talk to this socket type (names compare ignoring case). */
    public boolean isCompatibleWith(String peerWireName) {
        return peers.contains(peerWireName.toUpperCase(Locale.ROOT));
    }

    /** The type with this name, ignoring case; throws {@link ZmqException} with {@link ErrorCode#EINVAL} if unknown. */
    public static SocketType fromName(String name) {
        for (SocketType t : values()) {
            if (t.name().equalsIgnoreCase(name.trim())) {
                return t;
            }
        }
        throw new ZmqException(ErrorCode.EINVAL, "unknown socket type '" + name + "' (known: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
}
