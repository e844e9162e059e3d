package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.SocketOption;
import dev.zmq.SocketOptions;
import dev.zmq.SocketType;
import dev.zmq.ZmqException;
import dev.zmq.security.Z85;
import dev.zmq.spring.config.OptionValue;
import dev.zmq.spring.config.ZmqSocketSpec;
import dev.zmq.transport.Endpoint;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds socket specifications from {@link ZmqProperties}, checking every value first so a mistake fails start-up
 * with {@link InvalidConfigurationPropertyValueException} naming the property (e.g. {@code zmq.sockets.orders.type}).
 * Stateless.
 */
final class ZmqSocketSpecs {

    private ZmqSocketSpecs() {
    }

    /** The {@code zmq.defaults} as option values. */
    static List<OptionValue<?>> defaults(ZmqProperties properties) {
        return options(properties.getDefaults(), "zmq.defaults");
    }

    /** Every {@code zmq.sockets} entry as a specification, defaults first, the socket's own settings after. */
    static List<ZmqSocketSpec> sockets(ZmqProperties properties) {
        List<OptionValue<?>> defaults = defaults(properties);
        List<ZmqSocketSpec> specs = new ArrayList<>();
        for (Map.Entry<String, ZmqProperties.Socket> e : properties.getSockets().entrySet()) {
            specs.add(socket(e.getKey(), e.getValue(), defaults));
        }
        return specs;
    }

    private static ZmqSocketSpec socket(String name, ZmqProperties.Socket s, List<OptionValue<?>> defaults) {
        String prefix = "zmq.sockets." + name;
        if (s.getType() == null || s.getType().isBlank()) {
            throw invalid(prefix + ".type", s.getType(), "every socket needs a type, e.g. PUSH, PULL, PUB, SUB, REQ, REP");
        }
        SocketType type;
        try {
            type = SocketType.fromName(s.getType());
        } catch (ZmqException e) {
            throw invalid(prefix + ".type", s.getType(), e.getMessage());
        }
        checkEndpoints(prefix + ".bind", s.getBind(), true);
        checkEndpoints(prefix + ".connect", s.getConnect(), false);
        if (s.getBind().isEmpty() && s.getConnect().isEmpty()) {
            throw invalid(prefix + ".bind", "", "socket '" + name + "' needs at least one bind or connect endpoint");
        }
        boolean subscribes = type == SocketType.SUB || type == SocketType.XSUB || type == SocketType.DISH;
        if (!subscribes && !s.getTopics().isEmpty()) {
            throw invalid(prefix + ".topics", s.getTopics(), "only SUB and XSUB sockets subscribe and DISH sockets "
                    + "join groups; '" + name + "' is " + type);
        }
        if (subscribes && s.isRequireTopics() && s.getTopics().isEmpty()) {
            throw invalid(prefix + ".topics", "", "require-topics is set but " + type + " socket '" + name
                    + "' has no topics, so it would receive nothing");
        }
        List<OptionValue<?>> options = new ArrayList<>(defaults);
        options.addAll(options(s, prefix));
        ZmqProperties.Plain plain = s.getPlain();
        if (plain.isServer()) {
            add(options, prefix + ".plain.server", SocketOption.PLAIN_SERVER, true);
        }
        if (plain.getUsername() != null) {
            add(options, prefix + ".plain.username", SocketOption.PLAIN_USERNAME, plain.getUsername());
            add(options, prefix + ".plain.password", SocketOption.PLAIN_PASSWORD,
                    plain.getPassword() == null ? "" : plain.getPassword());
        }
        ZmqProperties.Curve curve = s.getCurve();
        curveKey(options, prefix + ".curve.secret-key", SocketOption.CURVE_SECRETKEY, curve.getSecretKey());
        curveKey(options, prefix + ".curve.public-key", SocketOption.CURVE_PUBLICKEY, curve.getPublicKey());
        curveKey(options, prefix + ".curve.server-key", SocketOption.CURVE_SERVERKEY, curve.getServerKey());
        if (curve.isServer()) {
            if (curve.getSecretKey() == null) {
                throw invalid(prefix + ".curve.secret-key", "", "a CURVE server needs its secret key");
            }
            add(options, prefix + ".curve.server", SocketOption.CURVE_SERVER, true);
        }
        if (s.getZapDomain() != null) {
            add(options, prefix + ".zap-domain", SocketOption.ZAP_DOMAIN, s.getZapDomain());
        }
        if (s.getRoutingId() != null) {
            add(options, prefix + ".routing-id", SocketOption.ROUTING_ID,
                    s.getRoutingId().getBytes(StandardCharsets.UTF_8));
        }
        return new ZmqSocketSpec(name, type, s.getBind(), s.getConnect(), s.getTopics(), options, s.isPropagation());
    }

    private static void curveKey(List<OptionValue<?>> options, String property, SocketOption<byte[]> option,
                                 String z85) {
        if (z85 == null) {
            return;
        }
        byte[] key;
        try {
            key = Z85.decodeKey(z85, property);
        } catch (IllegalArgumentException e) {
            throw invalid(property, "(hidden)", e.getMessage());
        }
        add(options, property, option, key);
    }

    private static void checkEndpoints(String property, List<String> endpoints, boolean bind) {
        for (int i = 0; i < endpoints.size(); i++) {
            try {
                Endpoint.validate(endpoints.get(i), bind);
            } catch (ZmqException e) {
                throw invalid(property + "[" + i + "]", endpoints.get(i), e.getMessage());
            }
        }
    }

    private static List<OptionValue<?>> options(ZmqProperties.Options o, String prefix) {
        List<OptionValue<?>> out = new ArrayList<>();
        add(out, prefix + ".send-hwm", SocketOption.SNDHWM, o.getSendHwm());
        add(out, prefix + ".receive-hwm", SocketOption.RCVHWM, o.getReceiveHwm());
        add(out, prefix + ".linger", SocketOption.LINGER, o.getLinger());
        add(out, prefix + ".send-timeout", SocketOption.SNDTIMEO, o.getSendTimeout());
        add(out, prefix + ".reconnect-interval", SocketOption.RECONNECT_IVL, o.getReconnectInterval());
        add(out, prefix + ".reconnect-interval-max", SocketOption.RECONNECT_IVL_MAX, o.getReconnectIntervalMax());
        add(out, prefix + ".heartbeat-interval", SocketOption.HEARTBEAT_IVL, o.getHeartbeatInterval());
        add(out, prefix + ".heartbeat-timeout", SocketOption.HEARTBEAT_TIMEOUT, o.getHeartbeatTimeout());
        add(out, prefix + ".heartbeat-ttl", SocketOption.HEARTBEAT_TTL, o.getHeartbeatTtl());
        add(out, prefix + ".handshake-interval", SocketOption.HANDSHAKE_IVL, o.getHandshakeInterval());
        add(out, prefix + ".max-message-size", SocketOption.MAXMSGSIZE,
                o.getMaxMessageSize() == null ? null : o.getMaxMessageSize().toBytes());
        add(out, prefix + ".swap", SocketOption.SWAP, o.getSwap() == null ? null : o.getSwap().toBytes());
        add(out, prefix + ".swap-directory", SocketOption.SWAP_DIRECTORY, o.getSwapDirectory());
        return out;
    }

    private static <T> void add(List<OptionValue<?>> out, String property, SocketOption<T> option, T value) {
        if (value == null) {
            return;
        }
        try {
            new SocketOptions().set(option, value);
        } catch (ZmqException e) {
            throw invalid(property, option == SocketOption.PLAIN_PASSWORD ? "(hidden)" : value, e.getMessage());
        }
        out.add(new OptionValue<>(option, value));
    }

    private static InvalidConfigurationPropertyValueException invalid(String property, Object value, String reason) {
        return new InvalidConfigurationPropertyValueException(property, value == null ? "" : value, reason);
    }

    /**
     * Whether template sends and listener calls are observed: {@code zmq.metrics.observations}, or trace propagation
     * on any socket (which needs the observations the tracer hooks into).
     */
    static boolean observed(ZmqProperties properties) {
        return properties.getMetrics().isObservations()
                || properties.getSockets().values().stream().anyMatch(ZmqProperties.Socket::isPropagation);
    }
}
