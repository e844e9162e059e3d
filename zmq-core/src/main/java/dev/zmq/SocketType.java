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
    PAIR("PAIR"),
    /** Publisher: fan-out to matching subscribers, drops at HWM. */
    PUB("SUB", "XSUB"),
    /** Subscriber: receives messages whose first frame starts with a subscribed topic. */
    SUB("PUB", "XPUB"),
    /** Publisher that also receives the subscriptions of its subscribers. */
    XPUB("SUB", "XSUB"),
    /** Subscriber that sends subscriptions as messages and does no local filtering. */
    XSUB("PUB", "XPUB"),
    /** Pipeline source: round-robin to pullers, blocks at HWM. */
    PUSH("PULL"),
    /** Pipeline sink: fair-queues from pushers. */
    PULL("PUSH"),
    /** Client of request-reply: strict send/receive alternation, one request at a time. */
    REQ("REP", "ROUTER"),
    /** Service of request-reply: receives a request, sends the reply back along the request's envelope. */
    REP("REQ", "DEALER"),
    /** Asynchronous request-reply: round-robin out, fair-queue in, no envelope handling. */
    DEALER("REP", "DEALER", "ROUTER"),
    /** Routes by peer identity: received messages start with the sender's routing id, sent ones with the target's. */
    ROUTER("REQ", "DEALER", "ROUTER"),
    /** Draft: thread-safe DEALER for single-frame messages, talks to SERVER. */
    CLIENT("SERVER"),
    /** Draft: thread-safe, single-frame; each received message carries its sender's 32-bit routing id. */
    SERVER("CLIENT"),
    /** Draft: thread-safe publisher to groups (exact match); over TCP, inproc or UDP (unicast or multicast). */
    RADIO("DISH"),
    /** Draft: thread-safe subscriber that joins groups; receives what RADIO sockets send to them. */
    DISH("RADIO"),
    /** Draft: thread-safe PUSH for single-frame messages. */
    SCATTER("GATHER"),
    /** Draft: thread-safe PULL for single-frame messages. */
    GATHER("SCATTER"),
    /** Draft: thread-safe SERVER that can also connect, learning the new peer's routing id at once. */
    PEER("PEER"),
    /** Draft: thread-safe PAIR for single-frame messages. */
    CHANNEL("CHANNEL");

    private final Set<String> peers;

    SocketType(String... peers) {
        this.peers = Set.of(peers);
    }

    /** Whether the type announces its routing id (ZMTP Identity) in READY, as libzmq does for REQ, DEALER, ROUTER. */
    public boolean announcesIdentity() {
        return this == REQ || this == DEALER || this == ROUTER;
    }

    /**
     * Whether any number of threads may use a socket of this type at once (the draft types, as in libzmq). Others
     * are used by one thread at a time.
     */
    public boolean isThreadSafe() {
        return ordinal() >= CLIENT.ordinal();
    }

    /** Whether the type routes by peer identity, so a peer may join routing only once its handshake is done. */
    public boolean routesByIdentity() {
        return this == ROUTER;
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
