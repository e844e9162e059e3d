package dev.zmq.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ZeroMQ settings under the {@code zmq} prefix: the context, option defaults for every socket, named sockets and
 * listener defaults. Bound once at start-up; checked when the sockets are built (a bad value fails start-up naming
 * the property). Not meant to be changed afterwards.
 */
@ConfigurationProperties(prefix = "zmq")
public class ZmqProperties {

    /** Number of background I/O threads of the ZeroMQ context (at least 1). */
    private int ioThreads = 1;

    /** Option values every socket starts with; a socket's own settings override them. */
    private final Options defaults = new Options();

    /** Named sockets, used by @ZmqListener(socket = "name") and ZmqTemplate.send("name", ...). */
    private final Map<String, Socket> sockets = new LinkedHashMap<>();

    /** Defaults for @ZmqListener containers. */
    private final Listener listener = new Listener();

    /** Micrometer metrics and observations. */
    private final Metrics metrics = new Metrics();

    /** The zmq health indicator. */
    private final Health health = new Health();

    /** The ZAP handler (authentication of PLAIN clients). */
    private final Zap zap = new Zap();

    public int getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(int ioThreads) {
        this.ioThreads = ioThreads;
    }

    public Options getDefaults() {
        return defaults;
    }

    public Map<String, Socket> getSockets() {
        return sockets;
    }

    public Listener getListener() {
        return listener;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Health getHealth() {
        return health;
    }

    public Zap getZap() {
        return zap;
    }

    /** Metrics settings. */
    public static class Metrics {

        /** Whether socket meters (queue depth, HWM, traffic, drops, ...) are registered. */
        private boolean enabled = true;

        /**
         * Whether every template send and listener call is recorded as a Micrometer observation (timers, traces).
         * Off by default, as in Spring Kafka: it costs about as much as the hand-off itself.
         */
        private boolean observations;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isObservations() {
            return observations;
        }

        public void setObservations(boolean observations) {
            this.observations = observations;
        }
    }

    /** Health settings. */
    public static class Health {

        /** How long a connected endpoint may be without a connection before health reports DOWN. */
        private Duration connectGracePeriod = Duration.ofSeconds(30);

        public Duration getConnectGracePeriod() {
            return connectGracePeriod;
        }

        public void setConnectGracePeriod(Duration connectGracePeriod) {
            this.connectGracePeriod = connectGracePeriod;
        }
    }

    /** Socket options; unset ones keep the value from {@code zmq.defaults}, or the library default. */
    public static class Options {

        /** Messages queued per peer for sending before the socket blocks or drops (0 = no limit; default 1000). */
        private @Nullable Integer sendHwm;

        /** Messages queued per peer on receipt before reading from it pauses (0 = no limit; default 1000). */
        private @Nullable Integer receiveHwm;

        /** How long queued messages are still sent after close (negative = until sent; default 30s). */
        private @Nullable Duration linger;

        /** How long a send may block at the high-water mark before it fails (negative = forever, the default). */
        private @Nullable Duration sendTimeout;

        /** Wait before reconnecting a dropped connection (default 100ms). */
        private @Nullable Duration reconnectInterval;

        /** Upper bound of the exponential reconnect back-off (0 = no back-off, the default). */
        private @Nullable Duration reconnectIntervalMax;

        /** Interval of ZMTP heartbeats (PING); 0 turns them off (the default). */
        private @Nullable Duration heartbeatInterval;

        /** How long without traffic after a PING before the connection is dropped (default: the interval). */
        private @Nullable Duration heartbeatTimeout;

        /** Time-to-live announced to the peer in PINGs (0 = none). */
        private @Nullable Duration heartbeatTtl;

        /** Longest a handshake may take before the connection is dropped (default 30s; 0 = no limit). */
        private @Nullable Duration handshakeInterval;

        /** Largest inbound message accepted; a bigger one drops the connection (default: no limit). */
        private @Nullable DataSize maxMessageSize;

        /** Outgoing messages a peer may spill to disk beyond send-hwm, fed back in order (default: none). */
        private @Nullable DataSize swap;

        /** Directory for swap files (default: the JVM's temporary directory). */
        private @Nullable String swapDirectory;

        public @Nullable DataSize getSwap() {
            return swap;
        }

        public void setSwap(@Nullable DataSize swap) {
            this.swap = swap;
        }

        public @Nullable String getSwapDirectory() {
            return swapDirectory;
        }

        public void setSwapDirectory(@Nullable String swapDirectory) {
            this.swapDirectory = swapDirectory;
        }

        public @Nullable Integer getSendHwm() {
            return sendHwm;
        }

        public void setSendHwm(@Nullable Integer sendHwm) {
            this.sendHwm = sendHwm;
        }

        public @Nullable Integer getReceiveHwm() {
            return receiveHwm;
        }

        public void setReceiveHwm(@Nullable Integer receiveHwm) {
            this.receiveHwm = receiveHwm;
        }

        public @Nullable Duration getLinger() {
            return linger;
        }

        public void setLinger(@Nullable Duration linger) {
            this.linger = linger;
        }

        public @Nullable Duration getSendTimeout() {
            return sendTimeout;
        }

        public void setSendTimeout(@Nullable Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
        }

        public @Nullable Duration getReconnectInterval() {
            return reconnectInterval;
        }

        public void setReconnectInterval(@Nullable Duration reconnectInterval) {
            this.reconnectInterval = reconnectInterval;
        }

        public @Nullable Duration getReconnectIntervalMax() {
            return reconnectIntervalMax;
        }

        public void setReconnectIntervalMax(@Nullable Duration reconnectIntervalMax) {
            this.reconnectIntervalMax = reconnectIntervalMax;
        }

        public @Nullable Duration getHeartbeatInterval() {
            return heartbeatInterval;
        }

        public void setHeartbeatInterval(@Nullable Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
        }

        public @Nullable Duration getHeartbeatTimeout() {
            return heartbeatTimeout;
        }

        public void setHeartbeatTimeout(@Nullable Duration heartbeatTimeout) {
            this.heartbeatTimeout = heartbeatTimeout;
        }

        public @Nullable Duration getHeartbeatTtl() {
            return heartbeatTtl;
        }

        public void setHeartbeatTtl(@Nullable Duration heartbeatTtl) {
            this.heartbeatTtl = heartbeatTtl;
        }

        public @Nullable Duration getHandshakeInterval() {
            return handshakeInterval;
        }

        public void setHandshakeInterval(@Nullable Duration handshakeInterval) {
            this.handshakeInterval = handshakeInterval;
        }

        public @Nullable DataSize getMaxMessageSize() {
            return maxMessageSize;
        }

        public void setMaxMessageSize(@Nullable DataSize maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
        }
    }

    /**
     * One named socket: type, endpoints, topics and option overrides. The annotation is for the configuration
     * processor only (the socket is bound as a value of {@link ZmqProperties#getSockets()}, never as a bean): Boot's
     * processor does not describe map values, so this makes it list every key as zmq.sockets.*.key, with its type and
     * description, beside the map's own entry, whose value type IDEs complete nested keys from.
     */
    @ConfigurationProperties(prefix = "zmq.sockets.*")
    public static class Socket extends Options {

        /**
         * Socket type: PAIR, PUB, SUB, XPUB, XSUB, PUSH, PULL, REQ, REP, DEALER, ROUTER, or one of the draft types
         * CLIENT, SERVER, RADIO, DISH, SCATTER, GATHER, PEER, CHANNEL (case does not matter).
         */
        private @Nullable String type;

        /** Endpoints to bind, e.g. tcp://*:5555 or inproc://orders. */
        private List<String> bind = new ArrayList<>();

        /** Endpoints to connect to, e.g. tcp://broker:5555. */
        private List<String> connect = new ArrayList<>();

        /** Topics a SUB or XSUB socket subscribes to ("" subscribes to everything), or groups a DISH joins. */
        private List<String> topics = new ArrayList<>();

        /** Fail start-up when a SUB or DISH socket has no topics (it would receive nothing). */
        private boolean requireTopics;

        /** Routing id announced to peers (ROUTER peers address this socket by it). */
        private @Nullable String routingId;

        /** PLAIN security for this socket. */
        private final Plain plain = new Plain();

        /** CURVE security for this socket (needs org.bouncycastle:bcprov-jdk18on on the class path). */
        private final Curve curve = new Curve();

        /** ZAP domain this socket names when it authenticates clients. */
        private @Nullable String zapDomain;

        /**
         * Carry trace context (W3C traceparent, baggage) in an envelope frame before each message's payload, and read
         * it from received ones. Turn it on at both ends: a peer without it would take the envelope for payload.
         */
        private boolean propagation;

        public boolean isPropagation() {
            return propagation;
        }

        public void setPropagation(boolean propagation) {
            this.propagation = propagation;
        }

        public Curve getCurve() {
            return curve;
        }

        public Plain getPlain() {
            return plain;
        }

        public @Nullable String getZapDomain() {
            return zapDomain;
        }

        public void setZapDomain(@Nullable String zapDomain) {
            this.zapDomain = zapDomain;
        }

        public @Nullable String getType() {
            return type;
        }

        public void setType(@Nullable String type) {
            this.type = type;
        }

        public List<String> getBind() {
            return bind;
        }

        public void setBind(List<String> bind) {
            this.bind = bind;
        }

        public List<String> getConnect() {
            return connect;
        }

        public void setConnect(List<String> connect) {
            this.connect = connect;
        }

        public List<String> getTopics() {
            return topics;
        }

        public void setTopics(List<String> topics) {
            this.topics = topics;
        }

        public boolean isRequireTopics() {
            return requireTopics;
        }

        public void setRequireTopics(boolean requireTopics) {
            this.requireTopics = requireTopics;
        }

        public @Nullable String getRoutingId() {
            return routingId;
        }

        public void setRoutingId(@Nullable String routingId) {
            this.routingId = routingId;
        }
    }

    /** PLAIN (RFC 24) settings of one socket: a client presents a user name, a server checks it through ZAP. */
    public static class Plain {

        /** Play the PLAIN server: authenticate clients through the ZAP handler (zmq.zap.*). */
        private boolean server;

        /** PLAIN client: the user name to present (setting it enables PLAIN). */
        private @Nullable String username;

        /** PLAIN client: the password to present. */
        private @Nullable String password;

        public boolean isServer() {
            return server;
        }

        public void setServer(boolean server) {
            this.server = server;
        }

        public @Nullable String getUsername() {
            return username;
        }

        public void setUsername(@Nullable String username) {
            this.username = username;
        }

        public @Nullable String getPassword() {
            return password;
        }

        public void setPassword(@Nullable String password) {
            this.password = password;
        }
    }

    /** CURVE (RFC 26) settings of one socket; keys are 40-character Z85 text, as {@code zmq keygen} prints them. */
    public static class Curve {

        /** Play the CURVE server (needs secret-key). */
        private boolean server;

        /** This socket's long-term secret key. */
        private @Nullable String secretKey;

        /** This socket's long-term public key (clients; derived from the secret key when unset). */
        private @Nullable String publicKey;

        /** CURVE client: the server's public key (setting it enables CURVE). */
        private @Nullable String serverKey;

        public boolean isServer() {
            return server;
        }

        public void setServer(boolean server) {
            this.server = server;
        }

        public @Nullable String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(@Nullable String secretKey) {
            this.secretKey = secretKey;
        }

        public @Nullable String getPublicKey() {
            return publicKey;
        }

        public void setPublicKey(@Nullable String publicKey) {
            this.publicKey = publicKey;
        }

        public @Nullable String getServerKey() {
            return serverKey;
        }

        public void setServerKey(@Nullable String serverKey) {
            this.serverKey = serverKey;
        }
    }

    /** The ZAP handler the application runs for its PLAIN servers. */
    public static class Zap {

        /** File of user=password lines; when set, a ZAP handler accepting exactly those users runs. */
        private @Nullable Path plainPasswordFile;

        public @Nullable Path getPlainPasswordFile() {
            return plainPasswordFile;
        }

        public void setPlainPasswordFile(@Nullable Path plainPasswordFile) {
            this.plainPasswordFile = plainPasswordFile;
        }
    }

    /** Defaults for listener containers. */
    public static class Listener {

        /** Messages each listener handles at once unless its annotation says otherwise. */
        private int concurrency = 1;

        /** Whether listeners start with the application. */
        private boolean autoStartup = true;

        /** How long stopping a listener waits for the messages it already took. */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        /**
         * Whether the caller of a failing request-reply listener gets the exception's class and message in its ERROR
         * reply; by default it gets a bare ERROR and the details stay in the log and the metrics.
         */
        private boolean returnExceptions;

        /** Name of a socket under zmq.sockets where messages go once their listener failed on every attempt. */
        private @Nullable String deadLetterSocket;

        /** Retries of a message whose listener threw. */
        private final Retry retry = new Retry();

        public @Nullable String getDeadLetterSocket() {
            return deadLetterSocket;
        }

        public void setDeadLetterSocket(@Nullable String deadLetterSocket) {
            this.deadLetterSocket = deadLetterSocket;
        }

        public Retry getRetry() {
            return retry;
        }

        public int getConcurrency() {
            return concurrency;
        }

        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }

        public boolean isAutoStartup() {
            return autoStartup;
        }

        public void setAutoStartup(boolean autoStartup) {
            this.autoStartup = autoStartup;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public boolean isReturnExceptions() {
            return returnExceptions;
        }

        public void setReturnExceptions(boolean returnExceptions) {
            this.returnExceptions = returnExceptions;
        }
    }

    /** Retries of a message whose listener threw, before it goes to the dead-letter socket and the error handler. */
    public static class Retry {

        /** How many times a failed message is tried again (0, the default: no retries). */
        private int maxRetries;

        /** Wait before the first retry. */
        private Duration delay = Duration.ofSeconds(1);

        /** Factor by which the wait grows after each retry. */
        private double multiplier = 2;

        /** Longest wait between two retries. */
        private Duration maxDelay = Duration.ofSeconds(30);

        public int getMaxRetries() {
            return maxRetries;
        }

        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        public Duration getDelay() {
            return delay;
        }

        public void setDelay(Duration delay) {
            this.delay = delay;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }
    }
}
