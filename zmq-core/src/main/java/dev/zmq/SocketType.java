package dev.zmq;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The socket types this library implements, with the ZMTP name each announces, the peer types it accepts and its
 * role in its pattern: whether it {@linkplain #replies() replies}, {@linkplain #subscribes() subscribes},
 * {@linkplain #bindsByDefault() binds by default}, and its {@linkplain #naturalPeer() natural peer}. This is the one
 * place those roles are defined; the Spring modules, the test support and the CLI ask it.
 *
 * <p>Immutable. {@link #fromName(String)} throws {@link ZmqException} ({@link ErrorCode#EINVAL}) for an unknown name.
 */
public enum SocketType {
    /** Exclusive pair: one peer, both directions. */
    PAIR(Set.of(), "PAIR"),
    /** Publisher: fan-out to matching subscribers, drops at HWM. */
    PUB(Set.of(Trait.BINDS, Trait.SEND_ONLY), "SUB", "XSUB"),
    /** Subscriber: receives messages whose first frame starts with a subscribed topic. */
    SUB(Set.of(Trait.SUBSCRIBES, Trait.RECEIVE_ONLY), "PUB", "XPUB"),
    /** Publisher that also receives the subscriptions of its subscribers. */
    XPUB(Set.of(Trait.BINDS), "SUB", "XSUB"),
    /** Subscriber that sends subscriptions as messages and does no local filtering. */
    XSUB(Set.of(Trait.SUBSCRIBES, Trait.RECEIVE_ONLY), "PUB", "XPUB"),
    /** Pipeline source: round-robin to pullers, blocks at HWM. */
    PUSH(Set.of(Trait.SEND_ONLY), "PULL"),
    /** Pipeline sink: fair-queues from pushers. */
    PULL(Set.of(Trait.BINDS, Trait.RECEIVE_ONLY), "PUSH"),
    /** Client of request-reply: strict send/receive alternation, one request at a time. */
    REQ(Set.of(Trait.ANNOUNCES_IDENTITY), "REP", "ROUTER"),
    /** Service of request-reply: receives a request, sends the reply back along the request's envelope. */
    REP(Set.of(Trait.BINDS, Trait.REPLIES), "REQ", "DEALER"),
    /** Asynchronous request-reply: round-robin out, fair-queue in, no envelope handling. */
    DEALER(Set.of(Trait.ANNOUNCES_IDENTITY), "ROUTER", "REP", "DEALER"),
    /** Routes by peer identity: received messages start with the sender's routing id, sent ones with the target's. */
    ROUTER(Set.of(Trait.ANNOUNCES_IDENTITY, Trait.ROUTES_BY_IDENTITY, Trait.BINDS, Trait.REPLIES), "DEALER", "REQ",
            "ROUTER"),
    /** Draft: thread-safe DEALER for single-frame messages, talks to SERVER. */
    CLIENT(Set.of(Trait.THREAD_SAFE), "SERVER"),
    /** Draft: thread-safe, single-frame; each received message carries its sender's 32-bit routing id. */
    SERVER(Set.of(Trait.THREAD_SAFE, Trait.BINDS, Trait.REPLIES), "CLIENT"),
    /** Draft: thread-safe publisher to groups (exact match); over TCP, inproc or UDP (unicast or multicast). */
    RADIO(Set.of(Trait.THREAD_SAFE, Trait.SEND_ONLY), "DISH"),
    /** Draft: thread-safe subscriber that joins groups; receives what RADIO sockets send to them. */
    DISH(Set.of(Trait.THREAD_SAFE, Trait.BINDS, Trait.SUBSCRIBES, Trait.RECEIVE_ONLY), "RADIO"),
    /** Draft: thread-safe PUSH for single-frame messages. */
    SCATTER(Set.of(Trait.THREAD_SAFE, Trait.SEND_ONLY), "GATHER"),
    /** Draft: thread-safe PULL for single-frame messages. */
    GATHER(Set.of(Trait.THREAD_SAFE, Trait.BINDS, Trait.RECEIVE_ONLY), "SCATTER"),
    /** Draft: thread-safe SERVER that can also connect, learning the new peer's routing id at once. */
    PEER(Set.of(Trait.THREAD_SAFE, Trait.REPLIES), "PEER"),
    /** Draft: thread-safe PAIR for single-frame messages. */
    CHANNEL(Set.of(Trait.THREAD_SAFE), "CHANNEL");

    /** What sets a type apart beyond its routing rule, stated beside each constant. */
    private enum Trait {
        /** Any number of threads may use one socket at once (the draft types, as in libzmq). */
        THREAD_SAFE,
        /** Announces its routing id (ZMTP Identity) in READY, as libzmq does for REQ, DEALER and ROUTER. */
        ANNOUNCES_IDENTITY,
        /** Routes by peer identity, so a peer may join routing only once its handshake is done. */
        ROUTES_BY_IDENTITY,
        /** Each received message can be answered to its sender: the service side of request-reply. */
        REPLIES,
        /** Receives only what it subscribed to (topics) or joined (groups). */
        SUBSCRIBES,
        /** Never sends application messages. */
        RECEIVE_ONLY,
        /** Never receives application messages. */
        SEND_ONLY,
        /** The stable, "server" side of its pattern: a bare endpoint binds (czmq's convention). */
        BINDS
    }

    private final Set<Trait> traits;
    private final Set<String> peers;
    private final String naturalPeer;

    /** {@code peers}: the wire names it accepts, its natural peer first. */
    SocketType(Set<Trait> traits, String... peers) {
        this.traits = traits;
        this.peers = Set.of(peers);
        this.naturalPeer = peers[0];
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

    /**
     * Whether each message received can be answered to its sender with a reply (REP, ROUTER, SERVER, PEER): the
     * service side of request-reply, where a listener's return value is the reply.
     */
    public boolean replies() {
        return traits.contains(Trait.REPLIES);
    }

    /** Whether the type receives only what it subscribed to or joined: SUB and XSUB (topics), DISH (groups). */
    public boolean subscribes() {
        return traits.contains(Trait.SUBSCRIBES);
    }

    /** Whether the type can send application messages (not PULL, SUB, XSUB, DISH, GATHER). */
    public boolean canSend() {
        return !traits.contains(Trait.RECEIVE_ONLY);
    }

    /** Whether the type can receive application messages (not PUB, PUSH, RADIO, SCATTER). */
    public boolean canReceive() {
        return !traits.contains(Trait.SEND_ONLY);
    }

    /**
     * Whether a bare endpoint of this type binds rather than connects, as czmq's constructors decide: the stable side
     * of its pattern (PUB, XPUB, REP, ROUTER, PULL, SERVER, GATHER, DISH) binds, the rest connect.
     */
    public boolean bindsByDefault() {
        return traits.contains(Trait.BINDS);
    }

    /**
     * The type an application on the other end of this pattern uses: SUB for PUB, PUB for SUB, PULL for PUSH, REQ
     * for REP, DEALER for ROUTER, ROUTER for DEALER, the same type for PAIR, PEER and CHANNEL, and so on.
     */
    public SocketType naturalPeer() {
        return valueOf(naturalPeer);
    }

    /**
     * The raw variant that leaves to the application what this type does itself: DEALER for REQ and ROUTER for REP
     * (the envelope), XPUB for PUB and XSUB for SUB (subscriptions); this type for the others.
     */
    public SocketType raw() {
        return switch (this) {
            case REQ -> DEALER;
            case REP -> ROUTER;
            case PUB -> XPUB;
            case SUB -> XSUB;
            default -> this;
        };
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
