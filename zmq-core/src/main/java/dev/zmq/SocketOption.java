package dev.zmq;


import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * A typed socket option, set with {@link ZmqSocket#set(SocketOption, Object)} and read with
 * {@link ZmqSocket#get(SocketOption)}. Names and meanings follow libzmq's {@code ZMQ_*} options.
 *
 * <p>Instances are immutable constants. Setting a value the option does not accept throws {@link ZmqException}
 * with {@link ErrorCode#EINVAL}. Options are read when a connection is made: changing one affects connections made
 * afterwards, as in libzmq.
 *
 * @param <T> the value type
 */
public final class SocketOption<T> {

    private static final List<SocketOption<?>> ALL = new ArrayList<>();
    private static final Duration INFINITE = Duration.ofMillis(-1);

    /** Messages queued per peer for sending before the HWM rule applies; 0 means no limit. Default 1000. */
    public static final SocketOption<Integer> SNDHWM = intOption("SNDHWM", 1000, v -> v >= 0);
    /** Messages queued per peer after receiving before reading stops; 0 means no limit. Default 1000. */
    public static final SocketOption<Integer> RCVHWM = intOption("RCVHWM", 1000, v -> v >= 0);
    /** How long {@code close()} keeps trying to deliver queued messages; negative means forever. Default 30 s. */
    public static final SocketOption<Duration> LINGER = durationOption("LINGER", Duration.ofSeconds(30), true);
    /** How long a blocking send waits; negative means forever (default). */
    public static final SocketOption<Duration> SNDTIMEO = durationOption("SNDTIMEO", INFINITE, true);
    /** How long a blocking receive waits; negative means forever (default). */
    public static final SocketOption<Duration> RCVTIMEO = durationOption("RCVTIMEO", INFINITE, true);
    /** First wait before reconnecting a lost connection. Default 100 ms. */
    public static final SocketOption<Duration> RECONNECT_IVL = durationOption("RECONNECT_IVL", Duration.ofMillis(100), false);
    /** Upper bound for the doubling reconnect wait; zero means no doubling (default). */
    public static final SocketOption<Duration> RECONNECT_IVL_MAX = durationOption("RECONNECT_IVL_MAX", Duration.ZERO, false);
    /** Interval between PINGs on an idle-or-not connection; zero disables heartbeats (default). */
    public static final SocketOption<Duration> HEARTBEAT_IVL = durationOption("HEARTBEAT_IVL", Duration.ZERO, false);
    /** Time-to-live announced in our PINGs: the peer drops us after this long without traffic; zero for none. */
    public static final SocketOption<Duration> HEARTBEAT_TTL = durationOption("HEARTBEAT_TTL", Duration.ZERO, false);
    /** How long to wait for any traffic after a PING before dropping the peer; zero means HEARTBEAT_IVL. */
    public static final SocketOption<Duration> HEARTBEAT_TIMEOUT = durationOption("HEARTBEAT_TIMEOUT", Duration.ZERO, false);
    /** How long a new connection may take to finish the ZMTP handshake; zero means forever. Default 30 s. */
    public static final SocketOption<Duration> HANDSHAKE_IVL = durationOption("HANDSHAKE_IVL", Duration.ofSeconds(30), false);
    /** Largest frame accepted from a peer in bytes; negative means no limit (default). */
    public static final SocketOption<Long> MAXMSGSIZE = new SocketOption<>("MAXMSGSIZE", Long.class, -1L, v -> true);
    /** The routing id (ZMTP Identity) this socket announces: 1..255 bytes, not starting with a zero byte. */
    public static final SocketOption<byte[]> ROUTING_ID = new SocketOption<>("ROUTING_ID", byte[].class, new byte[0],
            v -> v.length <= 255 && (v.length == 0 || v[0] != 0));
    /** XPUB: pass every subscription and unsubscription upstream, not only the first and last of a topic. */
    public static final SocketOption<Boolean> XPUB_VERBOSE = boolOption("XPUB_VERBOSE");
    /** XPUB: at HWM, fail the send with EAGAIN instead of dropping for the full subscriber. */
    public static final SocketOption<Boolean> XPUB_NODROP = boolOption("XPUB_NODROP");

    /** ROUTER: a send to an unknown peer fails with EHOSTUNREACH (and to a full one with EAGAIN) instead of dropping. */
    public static final SocketOption<Boolean> ROUTER_MANDATORY = boolOption("ROUTER_MANDATORY");
    /** ROUTER: a new peer announcing a routing id already in use takes it over instead of being ignored. */
    public static final SocketOption<Boolean> ROUTER_HANDOVER = boolOption("ROUTER_HANDOVER");
    /** DEALER, ROUTER: send an empty message to every new peer so a ROUTER peer learns our routing id at once. */
    public static final SocketOption<Boolean> PROBE_ROUTER = boolOption("PROBE_ROUTER");
    /** REQ: allow a new request before the reply to the previous one arrived (that reply is then discarded). */
    public static final SocketOption<Boolean> REQ_RELAXED = boolOption("REQ_RELAXED");
    /** REQ: prefix each request with a request id and accept only the reply carrying it. */
    public static final SocketOption<Boolean> REQ_CORRELATE = boolOption("REQ_CORRELATE");

    /** TCP keepalive: -1 leaves the OS default (the default), 0 turns it off, 1 on. */
    public static final SocketOption<Integer> TCP_KEEPALIVE = intOption("TCP_KEEPALIVE", -1, v -> v >= -1 && v <= 1);
    /** TCP keepalive: idle time before the first probe (whole seconds; 0 = OS default). */
    public static final SocketOption<Duration> TCP_KEEPALIVE_IDLE = durationOption("TCP_KEEPALIVE_IDLE", Duration.ZERO,
            false);
    /** TCP keepalive: time between probes (whole seconds; 0 = OS default). */
    public static final SocketOption<Duration> TCP_KEEPALIVE_INTVL = durationOption("TCP_KEEPALIVE_INTVL",
            Duration.ZERO, false);
    /** TCP keepalive: probes before the connection is dropped (0 = OS default). */
    public static final SocketOption<Integer> TCP_KEEPALIVE_CNT = intOption("TCP_KEEPALIVE_CNT", 0, v -> v >= 0);
    /** Queue messages only to peers whose connection is complete (no queueing for connections still being made). */
    public static final SocketOption<Boolean> IMMEDIATE = boolOption("IMMEDIATE");
    /** Keep only the latest message in each peer's queues (state feeds); HWMs do not apply. Single-part messages. */
    public static final SocketOption<Boolean> CONFLATE = boolOption("CONFLATE");
    /**
     * Bytes of outgoing messages a peer may spill to disk beyond SNDHWM (ZeroMQ 2's SWAP; 0 = off). Spilled messages
     * are fed back in order as the peer catches up; past the limit the HWM rule applies.
     */
    public static final SocketOption<Long> SWAP = new SocketOption<>("SWAP", Long.class, 0L, v -> v >= 0);
    /** Directory for SWAP files (default: the JVM's temporary directory). */
    public static final SocketOption<String> SWAP_DIRECTORY = new SocketOption<>("SWAP_DIRECTORY", String.class, "",
            v -> true);
    /** udp:// multicast: the TTL of sent datagrams (routers they may cross); 1 keeps them on the local network. */
    public static final SocketOption<Integer> MULTICAST_HOPS = intOption("MULTICAST_HOPS", 1, v -> v >= 0 && v <= 255);
    /** udp:// multicast: whether sent datagrams loop back to receivers on this host (libzmq's default: yes). */
    public static final SocketOption<Boolean> MULTICAST_LOOP = new SocketOption<>("MULTICAST_LOOP", Boolean.class,
            true, v -> true);
    /**
     * TCP and IPC connects: give up a connection attempt that has not completed within this time and retry (0 = the
     * operating system's own timeout).
     */
    public static final SocketOption<Duration> CONNECT_TIMEOUT = durationOption("CONNECT_TIMEOUT", Duration.ZERO,
            false);
    /** PLAIN: play the server role, authenticating clients through the ZAP handler (when one is bound). */
    public static final SocketOption<Boolean> PLAIN_SERVER = boolOption("PLAIN_SERVER");
    /** PLAIN: the user name a client presents (setting it makes the socket a PLAIN client). At most 255 bytes. */
    public static final SocketOption<String> PLAIN_USERNAME = stringOption("PLAIN_USERNAME");
    /** PLAIN: the password a client presents. At most 255 bytes. */
    public static final SocketOption<String> PLAIN_PASSWORD = stringOption("PLAIN_PASSWORD");
    /** CURVE: play the server role (needs CURVE_SECRETKEY; clients must know its public key). */
    public static final SocketOption<Boolean> CURVE_SERVER = curveOption("CURVE_SERVER", Boolean.class, false);
    /** CURVE: this socket's long-term public key (32 bytes; decode Z85 text with {@code Z85.decodeKey}). */
    public static final SocketOption<byte[]> CURVE_PUBLICKEY = curveKey("CURVE_PUBLICKEY");
    /** CURVE: this socket's long-term secret key (32 bytes). */
    public static final SocketOption<byte[]> CURVE_SECRETKEY = curveKey("CURVE_SECRETKEY");
    /** CURVE client: the server's long-term public key (32 bytes); setting it makes the socket a CURVE client. */
    public static final SocketOption<byte[]> CURVE_SERVERKEY = curveKey("CURVE_SERVERKEY");
    /** The ZAP domain a server names in its authentication requests. */
    public static final SocketOption<String> ZAP_DOMAIN = stringOption("ZAP_DOMAIN");

    private final String name;
    private final Class<T> type;
    private final T defaultValue;
    private final Predicate<T> valid;
    private final int index;

    private SocketOption(String name, Class<T> type, T defaultValue, Predicate<T> valid) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.valid = valid;
        synchronized (ALL) {
            this.index = ALL.size();
            ALL.add(this);
        }
    }

    private static SocketOption<Integer> intOption(String name, int def, Predicate<Integer> valid) {
        return new SocketOption<>(name, Integer.class, def, valid);
    }

    private static SocketOption<Duration> durationOption(String name, Duration def, boolean negativeAllowed) {
        return new SocketOption<>(name, Duration.class, def, v -> negativeAllowed || !v.isNegative());
    }

    /**
     * A CURVE option: keys are 32 bytes. Whether BouncyCastle is there is checked when a socket using CURVE binds or
     * connects (ENOTSUP if not).
     */
    private static <V> SocketOption<V> curveOption(String name, Class<V> type, V def) {
        return new SocketOption<>(name, type, def, v -> !(v instanceof byte[] key && key.length != 0 && key.length != 32));
    }

    private static SocketOption<byte[]> curveKey(String name) {
        return curveOption(name, byte[].class, new byte[0]);
    }

    private static SocketOption<String> stringOption(String name) {
        return new SocketOption<>(name, String.class, "",
                v -> v.getBytes(StandardCharsets.UTF_8).length <= 255);
    }

    private static SocketOption<Boolean> boolOption(String name) {
        return new SocketOption<>(name, Boolean.class, false, v -> true);
    }

    /** The libzmq-style name, e.g. {@code SNDHWM}. */
    public String name() {
        return name;
    }

    /** The value used when the option was never set. */
    public T defaultValue() {
        return defaultValue;
    }

    /** Every option, in declaration order. */
    public static List<SocketOption<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    int index() {
        return index;
    }

    T check(Object value) {
        if (value == null || !type.isInstance(value)) {
            throw new ZmqException(ErrorCode.EINVAL, "option " + name + " takes a " + type.getSimpleName()
                    + ", got " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        T typed = type.cast(value);
        if (!valid.test(typed)) {
            throw new ZmqException(ErrorCode.EINVAL, "invalid value for option " + name + ": " + describe(typed));
        }
        return typed instanceof byte[] bytes ? type.cast(bytes.clone()) : typed;
    }

    private static String describe(Object v) {
        if (v instanceof byte[] b) {
            return b.length + " bytes";
        }
        return v instanceof String t ? t.length() + " characters" : String.valueOf(v); // never echo a password
    }

    @Override
    public String toString() {
        return name;
    }
}
