package dev.zmq.spring.boot.autoconfigure;

import dev.zmq.InvalidSocketSpecException;
import dev.zmq.OptionValue;
import dev.zmq.SocketOption;
import dev.zmq.SocketSpec;
import dev.zmq.SocketType;
import dev.zmq.spring.support.ZmqSocketSpec;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds {@link ZmqProperties} to zmq-core's {@link SocketSpec} (which checks every value), turning its
 * {@link InvalidSocketSpecException} into an {@link InvalidConfigurationPropertyValueException} naming the property
 * (e.g. {@code zmq.sockets.orders.type}), so a mistake fails start-up. Stateless.
 */
final class ZmqSocketSpecs {

    private ZmqSocketSpecs() {
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
        ZmqProperties.Plain plain = s.getPlain();
        ZmqProperties.Curve curve = s.getCurve();
        try {
            SocketSpec.Builder spec = SocketSpec.builder(name).type(s.getType()).bind(s.getBind())
                    .connect(s.getConnect()).topics(s.getTopics()).requireTopics(s.isRequireTopics())
                    .options(defaults);
            options(spec, s);
            if (plain.isServer()) {
                spec.plainServer();
            }
            if (plain.getUsername() != null) {
                spec.plainClient(plain.getUsername(), plain.getPassword());
            }
            spec.curveKeys(curve.getSecretKey(), curve.getPublicKey(), curve.getServerKey());
            if (curve.isServer()) {
                spec.curveServer();
            }
            return new ZmqSocketSpec(spec.zapDomain(s.getZapDomain()).routingId(s.getRoutingId()).build(),
                    s.isPropagation());
        } catch (InvalidSocketSpecException e) {
            throw invalid("zmq.sockets." + name, e);
        }
    }

    /** The {@code zmq.defaults} as option values. */
    static List<OptionValue<?>> defaults(ZmqProperties properties) {
        try {
            SocketSpec.Builder spec = SocketSpec.builder("defaults").type(SocketType.PAIR)
                    .bind(List.of("inproc://defaults"));
            options(spec, properties.getDefaults());
            return spec.build().options();
        } catch (InvalidSocketSpecException e) {
            throw invalid("zmq.defaults", e);
        }
    }

    /** The plain options, each checked and named by its property (e.g. {@code send-hwm}). */
    private static void options(SocketSpec.Builder spec, ZmqProperties.Options o) {
        spec.option("send-hwm", SocketOption.SNDHWM, o.getSendHwm())
                .option("receive-hwm", SocketOption.RCVHWM, o.getReceiveHwm())
                .option("linger", SocketOption.LINGER, o.getLinger())
                .option("send-timeout", SocketOption.SNDTIMEO, o.getSendTimeout())
                .option("reconnect-interval", SocketOption.RECONNECT_IVL, o.getReconnectInterval())
                .option("reconnect-interval-max", SocketOption.RECONNECT_IVL_MAX, o.getReconnectIntervalMax())
                .option("heartbeat-interval", SocketOption.HEARTBEAT_IVL, o.getHeartbeatInterval())
                .option("heartbeat-timeout", SocketOption.HEARTBEAT_TIMEOUT, o.getHeartbeatTimeout())
                .option("heartbeat-ttl", SocketOption.HEARTBEAT_TTL, o.getHeartbeatTtl())
                .option("handshake-interval", SocketOption.HANDSHAKE_IVL, o.getHandshakeInterval())
                .option("max-message-size", SocketOption.MAXMSGSIZE,
                        o.getMaxMessageSize() == null ? null : o.getMaxMessageSize().toBytes())
                .option("swap", SocketOption.SWAP, o.getSwap() == null ? null : o.getSwap().toBytes())
                .option("swap-directory", SocketOption.SWAP_DIRECTORY, o.getSwapDirectory());
    }

    private static InvalidConfigurationPropertyValueException invalid(String prefix, InvalidSocketSpecException e) {
        return new InvalidConfigurationPropertyValueException(prefix + "." + e.setting(), e.value(), e.reason());
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
