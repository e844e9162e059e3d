package dev.zmq.cli;

import dev.zmq.InvalidSocketSpecException;
import dev.zmq.OptionValue;
import dev.zmq.SocketSpec;
import dev.zmq.SocketType;
import dev.zmq.ZapHandler;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqSocket;
import dev.zmq.security.ZapAuthenticator;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The options every command shares to make one socket: {@code -t TYPE} and any number of {@code -b ENDPOINT},
 * {@code -c ENDPOINT} and {@code -e ENDPOINTS} (czmq's {@code @bind,>connect} syntax; at least one endpoint in all),
 * PLAIN and CURVE. They become a zmq-core {@link SocketSpec}, which checks them; a mistake is reported naming the
 * flag. Mixed into commands; not thread-safe (filled by picocli, then read once).
 */
final class SocketArgs {

    /** The flag for each of {@link SocketSpec.Builder}'s settings that come from this mixin. */
    private static final Map<String, String> FLAGS = Map.of("type", "--type", "bind", "--bind", "connect",
            "--connect", "topics", "--subscribe", "curve.secret-key", "--curve-secretkey", "curve.public-key",
            "--curve-publickey", "curve.server-key", "--curve-serverkey", "plain.username", "--plain-user",
            "plain.password", "--plain-password");

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = {"-t", "--type"}, required = true, paramLabel = "TYPE",
            description = "Socket type: PAIR, PUB, SUB, XPUB, XSUB, PUSH, PULL, REQ, REP, DEALER, ROUTER.")
    String type;

    @Option(names = {"-b", "--bind"}, paramLabel = "ENDPOINT", description = "Bind to ENDPOINT (repeatable).")
    List<String> bind = new ArrayList<>();

    @Option(names = {"-c", "--connect"}, paramLabel = "ENDPOINT", description = "Connect to ENDPOINT (repeatable).")
    List<String> connect = new ArrayList<>();

    @Option(names = {"-e", "--endpoint"}, paramLabel = "ENDPOINTS",
            description = "@ENDPOINT binds, >ENDPOINT connects, comma-separated (repeatable); a bare endpoint binds"
                    + " for PUB, XPUB, REP, ROUTER, PULL, SERVER, GATHER, DISH and connects for the rest, as czmq.")
    List<String> endpoints = new ArrayList<>();

    @Option(names = "--plain-user", paramLabel = "USER", description = "PLAIN client: the user name to present.")
    @Nullable String plainUser;

    @Option(names = "--plain-password", paramLabel = "PASSWORD", description = "PLAIN client: the password.")
    String plainPassword = "";

    @Option(names = "--plain-server", description = "PLAIN server: authenticate clients (through ZAP when a handler"
            + " runs; with --plain-passwords this command runs one).")
    boolean plainServer;

    @Option(names = "--plain-passwords", paramLabel = "FILE",
            description = "PLAIN server: start a ZAP handler accepting the user=password lines of FILE.")
    @Nullable Path plainPasswords;

    @Option(names = "--curve-server", description = "CURVE server (needs --curve-secretkey).")
    boolean curveServer;

    @Option(names = "--curve-serverkey", paramLabel = "Z85", description = "CURVE client: the server's public key.")
    @Nullable String curveServerKey;

    @Option(names = "--curve-publickey", paramLabel = "Z85", description = "CURVE: our public key.")
    @Nullable String curvePublicKey;

    @Option(names = "--curve-secretkey", paramLabel = "Z85", description = "CURVE: our secret key.")
    @Nullable String curveSecretKey;

    /** The socket type; throws {@link ZmqException} (EINVAL) naming the known types. */
    SocketType socketType() {
        return SocketType.fromName(type);
    }

    /**
     * Opens the socket as asked in {@code context}, with {@code options} and {@code topics} as the command adds them,
     * {@code prepare} run before it binds and connects. Throws picocli's {@link ParameterException} naming the flag
     * for a value that cannot work, {@link ZmqException} as the socket throws it.
     */
    ZmqSocket open(ZmqContext context, List<OptionValue<?>> options, List<String> topics,
                   Consumer<ZmqSocket> prepare) {
        SocketSpec spec = spec(options, topics);
        if (plainPasswords != null) {
            ZapHandler.start(context, ZapAuthenticator.plainPasswordFile(plainPasswords));
        }
        return spec.open(context, prepare);
    }

    private SocketSpec spec(List<OptionValue<?>> options, List<String> topics) {
        try {
            SocketType socketType = socketType();
            Endpoints all = new Endpoints(bind, connect);
            for (String e : endpoints) {
                all = all.and(Endpoints.parse(e, socketType.bindsByDefault(), "-e"));
            }
            if (all.isEmpty()) {
                throw new ParameterException(command.commandLine(),
                        "give at least one -b ENDPOINT, -c ENDPOINT or -e @ENDPOINT|>ENDPOINT");
            }
            SocketSpec.Builder spec = SocketSpec.builder(socketType.name()).type(socketType).bind(all.binds())
                    .connect(all.connects()).topics(topics).options(options);
            if (plainUser != null) {
                spec.plainClient(plainUser, plainPassword);
            }
            if (plainServer || plainPasswords != null) {
                spec.plainServer();
            }
            spec.curveKeys(curveSecretKey, curvePublicKey, curveServerKey);
            if (curveServer) {
                spec.curveServer();
            }
            return spec.build();
        } catch (InvalidSocketSpecException e) {
            String setting = e.setting().replaceAll("\\[\\d+]$", "");
            throw new ParameterException(command.commandLine(), FLAGS.getOrDefault(setting, setting)
                    + (e.value().isEmpty() ? "" : " '" + e.value() + "'") + ": " + e.reason(), e);
        }
    }
}
