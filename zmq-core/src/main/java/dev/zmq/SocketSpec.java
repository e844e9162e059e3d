package dev.zmq;

import dev.zmq.security.Z85;
import dev.zmq.transport.Endpoint;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * How to make one socket: its name, type, the endpoints it binds and connects, the topics a SUB or XSUB subscribes
 * to (the groups a DISH joins) and option values, security included. The one socket specification of the project:
 * the CLI's flags, Spring's {@code zmq.sockets} properties and {@code @ZmqListener}'s inline sockets all end here.
 * Build one from text with {@link #builder(String)}, which checks every value and names the setting at fault.
 *
 * <p>Immutable and thread-safe; {@link #open} may be called many times (one socket per thread).
 *
 * @param name    the socket's name, used in errors, thread names and metrics
 * @param type    the socket type
 * @param bind    endpoints to bind
 * @param connect endpoints to connect to
 * @param topics  topics to subscribe to (SUB, XSUB) or groups to join (DISH)
 * @param options option values, applied in order before binding and connecting
 */
public record SocketSpec(String name, SocketType type, List<String> bind, List<String> connect, List<String> topics,
                         List<OptionValue<?>> options) {

    /**
     * Copies the lists and checks the whole: at least one endpoint, topics only for types that subscribe.
     *
     * @throws InvalidSocketSpecException naming the setting at fault
     */
    public SocketSpec {
        bind = List.copyOf(bind);
        connect = List.copyOf(connect);
        topics = List.copyOf(topics);
        options = List.copyOf(options);
        if (bind.isEmpty() && connect.isEmpty()) {
            throw new InvalidSocketSpecException(name, "bind", "", "a " + type
                    + " socket needs at least one bind or connect endpoint");
        }
        if (!topics.isEmpty() && !type.subscribes()) {
            throw new InvalidSocketSpecException(name, "topics", String.join(",", topics),
                    "only SUB and XSUB sockets subscribe and DISH sockets join groups; this one is " + type);
        }
    }

    /** A builder for the socket called {@code name}, checking each value as it is given. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The same socket with another type (e.g. the ROUTER front of a concurrent REP listener). */
    public SocketSpec withType(SocketType newType) {
        return new SocketSpec(name, newType, bind, connect, newType.subscribes() ? topics : List.of(), options);
    }

    /** The same socket subscribed to {@code more} topics (SUB, XSUB) or groups (DISH) as well. */
    public SocketSpec withTopics(List<String> more) {
        List<String> all = new ArrayList<>(topics);
        more.stream().filter(t -> !all.contains(t)).forEach(all::add);
        return new SocketSpec(name, type, bind, connect, all, options);
    }

    /** The same socket with every bind and connect endpoint replaced by {@code mapping}'s answer for it. */
    public SocketSpec withEndpoints(UnaryOperator<String> mapping) {
        return new SocketSpec(name, type, bind.stream().map(mapping).toList(), connect.stream().map(mapping).toList(),
                topics, options);
    }

    /** The same socket with more option values, applied after this spec's own. */
    public SocketSpec withOptions(List<OptionValue<?>> more) {
        List<OptionValue<?>> all = new ArrayList<>(options);
        all.addAll(more);
        return new SocketSpec(name, type, bind, connect, topics, all);
    }

    /** The same socket under another name. */
    public SocketSpec withName(String newName) {
        return new SocketSpec(newName, type, bind, connect, topics, options);
    }

    /**
     * Opens the socket in {@code context}: options, then binds, connects and subscriptions (or joins).
     *
     * @throws ZmqException as the socket throws it, with this socket's name, type and the endpoint in the message;
     *     nothing stays open
     */
    public ZmqSocket open(ZmqContext context) {
        return open(context, socket -> { });
    }

    /**
     * As {@link #open(ZmqContext)}, running {@code prepare} after the options are set and before the socket binds or
     * connects (to add a monitor that sees every event, for example).
     *
     * @throws ZmqException as {@link #open(ZmqContext)}, or what {@code prepare} throws; nothing stays open
     */
    public ZmqSocket open(ZmqContext context, Consumer<ZmqSocket> prepare) {
        ZmqSocket socket = context.socket(type, name);
        try {
            options.forEach(o -> o.applyTo(socket));
            prepare.accept(socket);
            for (String endpoint : bind) {
                attempt(() -> socket.bind(endpoint), "bind " + endpoint);
            }
            for (String endpoint : connect) {
                attempt(() -> socket.connect(endpoint), "connect to " + endpoint);
            }
            if (type == SocketType.DISH) {
                topics.forEach(socket::join);
            } else if (type.subscribes()) {
                topics.forEach(socket::subscribe);
            }
            return socket;
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void attempt(Runnable action, String what) {
        try {
            action.run();
        } catch (ZmqException e) {
            throw new ZmqException(e.code(), "socket '" + name + "' (" + type + ") cannot " + what + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Builds a {@link SocketSpec} from text, as configuration gives it, checking every value when it is given:
     * the type's name, each endpoint's syntax and transport, option values, PLAIN and CURVE settings, Z85 keys.
     * Every failure is an {@link InvalidSocketSpecException} naming the setting in the names this builder's methods
     * document. Not thread-safe; use once.
     */
    public static final class Builder {

        private final String name;
        private @Nullable SocketType type;
        private final List<String> bind = new ArrayList<>();
        private final List<String> connect = new ArrayList<>();
        private final List<String> topics = new ArrayList<>();
        private final List<OptionValue<?>> options = new ArrayList<>();
        private boolean requireTopics;

        private Builder(String name) {
            this.name = name;
        }

        /** The type by name, ignoring case (setting {@code type}). */
        public Builder type(@Nullable String typeName) {
            if (typeName == null || typeName.isBlank()) {
                throw invalid("type", "", "every socket needs a type, e.g. PUSH, PULL, PUB, SUB, REQ, REP");
            }
            try {
                return type(SocketType.fromName(typeName));
            } catch (ZmqException e) {
                throw invalid("type", typeName, e.getMessage());
            }
        }

        /** The type (setting {@code type}). */
        public Builder type(SocketType socketType) {
            this.type = socketType;
            return this;
        }

        /** Endpoints to bind, checked for syntax and transport (settings {@code bind[i]}). */
        public Builder bind(List<String> endpoints) {
            endpoints(endpoints, bind, "bind", true);
            return this;
        }

        /** Endpoints to connect to, checked for syntax and transport (settings {@code connect[i]}). */
        public Builder connect(List<String> endpoints) {
            endpoints(endpoints, connect, "connect", false);
            return this;
        }

        private void endpoints(List<String> endpoints, List<String> into, String setting, boolean forBind) {
            for (String e : endpoints) {
                try {
                    Endpoint.validate(e, forBind);
                } catch (ZmqException bad) {
                    throw invalid(setting + "[" + into.size() + "]", e, bad.getMessage());
                }
                into.add(e);
            }
        }

        /** Topics to subscribe to, or groups to join (setting {@code topics}). */
        public Builder topics(List<String> more) {
            topics.addAll(more);
            return this;
        }

        /** Whether a subscribing socket without topics is an error rather than a socket receiving nothing. */
        public Builder requireTopics(boolean required) {
            this.requireTopics = required;
            return this;
        }

        /**
         * Sets {@code option} to {@code value}, checked as the socket checks it; {@code null} leaves it unset.
         *
         * @param setting how the caller names the option in errors, e.g. {@code send-hwm}
         */
        public <T> Builder option(String setting, SocketOption<T> option, @Nullable T value) {
            if (value == null) {
                return this;
            }
            try {
                new SocketOptions().set(option, value);
            } catch (ZmqException e) {
                throw invalid(setting, option == SocketOption.PLAIN_PASSWORD ? "(hidden)" : String.valueOf(value),
                        e.getMessage());
            }
            options.add(new OptionValue<>(option, value));
            return this;
        }

        /** Option values already checked (as {@link #option} checks them, or built by code). */
        public Builder options(List<OptionValue<?>> values) {
            options.addAll(values);
            return this;
        }

        /** Authenticates clients with PLAIN, as a server (setting {@code plain.server}). */
        public Builder plainServer() {
            return option("plain.server", SocketOption.PLAIN_SERVER, true);
        }

        /** Presents {@code username} and {@code password} (may be empty) to a PLAIN server (settings {@code plain.*}). */
        public Builder plainClient(String username, @Nullable String password) {
            option("plain.username", SocketOption.PLAIN_USERNAME, username);
            return option("plain.password", SocketOption.PLAIN_PASSWORD, password == null ? "" : password);
        }

        /**
         * CURVE keys in Z85 (40 characters each); {@code null} leaves a key unset. Settings
         * {@code curve.secret-key}, {@code curve.public-key}, {@code curve.server-key}.
         */
        public Builder curveKeys(@Nullable String secretKey, @Nullable String publicKey,
                                 @Nullable String serverKey) {
            curveKey("curve.secret-key", SocketOption.CURVE_SECRETKEY, secretKey);
            curveKey("curve.public-key", SocketOption.CURVE_PUBLICKEY, publicKey);
            curveKey("curve.server-key", SocketOption.CURVE_SERVERKEY, serverKey);
            return this;
        }

        /** Acts as a CURVE server, which needs its secret key (setting {@code curve.server}). */
        public Builder curveServer() {
            boolean hasSecret = options.stream().anyMatch(o -> o.option() == SocketOption.CURVE_SECRETKEY);
            if (!hasSecret) {
                throw invalid("curve.secret-key", "", "a CURVE server needs its secret key");
            }
            return option("curve.server", SocketOption.CURVE_SERVER, true);
        }

        private void curveKey(String setting, SocketOption<byte[]> option, @Nullable String z85) {
            if (z85 == null) {
                return;
            }
            try {
                option(setting, option, Z85.decodeKey(z85, "a CURVE key"));
            } catch (IllegalArgumentException e) {
                throw invalid(setting, "(hidden)", e.getMessage());
            }
        }

        /** The ZAP domain of a server socket (setting {@code zap-domain}). */
        public Builder zapDomain(@Nullable String domain) {
            return option("zap-domain", SocketOption.ZAP_DOMAIN, domain);
        }

        /** The routing id, as UTF-8 (setting {@code routing-id}). */
        public Builder routingId(@Nullable String id) {
            return option("routing-id", SocketOption.ROUTING_ID,
                    id == null ? null : id.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * The specification.
         *
         * @throws InvalidSocketSpecException when the type, every endpoint, or required topics are missing
         */
        public SocketSpec build() {
            SocketType t = type;
            if (t == null) {
                throw invalid("type", "", "every socket needs a type, e.g. PUSH, PULL, PUB, SUB, REQ, REP");
            }
            if (requireTopics && t.subscribes() && topics.isEmpty()) {
                throw invalid("topics", "", "require-topics is set but this " + t
                        + " socket has no topics, so it would receive nothing");
            }
            return new SocketSpec(name, t, bind, connect, topics, options);
        }

        private InvalidSocketSpecException invalid(String setting, String value, @Nullable String reason) {
            return new InvalidSocketSpecException(name, setting, value, reason == null ? "invalid value" : reason);
        }
    }
}
