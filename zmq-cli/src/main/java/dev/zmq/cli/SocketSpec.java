package dev.zmq.cli;

import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import dev.zmq.security.Z85;
import dev.zmq.security.ZapAuthenticator;
import dev.zmq.ZapHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options every command shares to make one socket: {@code -t TYPE} and any number of {@code -b ENDPOINT},
 * {@code -c ENDPOINT} and {@code -e ENDPOINTS} (czmq's {@code @bind,>connect} syntax; at least one endpoint in all).
 * Mixed into commands; not thread-safe (filled by picocli, then read once).
 */
final class SocketSpec {

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
    String plainUser;

    @Option(names = "--plain-password", paramLabel = "PASSWORD", description = "PLAIN client: the password.")
    String plainPassword = "";

    @Option(names = "--plain-server", description = "PLAIN server: authenticate clients (through ZAP when a handler"
            + " runs; with --plain-passwords this command runs one).")
    boolean plainServer;

    @Option(names = "--plain-passwords", paramLabel = "FILE",
            description = "PLAIN server: start a ZAP handler accepting the user=password lines of FILE.")
    Path plainPasswords;

    @Option(names = "--curve-server", description = "CURVE server (needs --curve-secretkey).")
    boolean curveServer;

    @Option(names = "--curve-serverkey", paramLabel = "Z85", description = "CURVE client: the server's public key.")
    String curveServerKey;

    @Option(names = "--curve-publickey", paramLabel = "Z85", description = "CURVE: our public key.")
    String curvePublicKey;

    @Option(names = "--curve-secretkey", paramLabel = "Z85", description = "CURVE: our secret key.")
    String curveSecretKey;

    /** The socket type; throws {@link dev.zmq.ZmqException} (EINVAL) naming the known types. */
    SocketType socketType() {
        return SocketType.fromName(type);
    }

    /**
     * A socket of the asked type in {@code context}, bound and connected as asked. Throws picocli's
     * {@link ParameterException} when neither -b nor -c was given, {@link dev.zmq.ZmqException} for a bad type or
     * endpoint.
     */
    ZmqSocket open(ZmqContext context) {
        if (endpoints().isEmpty()) {
            throw new ParameterException(command.commandLine(),
                    "give at least one -b ENDPOINT, -c ENDPOINT or -e @ENDPOINT|>ENDPOINT");
        }
        ZmqSocket socket = context.socket(socketType());
        if (plainUser != null) {
            socket.set(SocketOption.PLAIN_USERNAME, plainUser).set(SocketOption.PLAIN_PASSWORD, plainPassword);
        }
        if (plainServer || plainPasswords != null) {
            socket.set(SocketOption.PLAIN_SERVER, true);
        }
        if (plainPasswords != null) {
            ZapHandler.start(context, ZapAuthenticator.plainPasswordFile(plainPasswords));
        }
        curveKey(socket, SocketOption.CURVE_SERVERKEY, curveServerKey, "--curve-serverkey");
        curveKey(socket, SocketOption.CURVE_PUBLICKEY, curvePublicKey, "--curve-publickey");
        curveKey(socket, SocketOption.CURVE_SECRETKEY, curveSecretKey, "--curve-secretkey");
        if (curveServer) {
            socket.set(SocketOption.CURVE_SERVER, true);
        }
        return socket;
    }

    private void curveKey(ZmqSocket socket, SocketOption<byte[]> option, String z85, String flag) {
        if (z85 == null) {
            return;
        }
        try {
            socket.set(option, Z85.decodeKey(z85, flag));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    /** Binds and connects {@code socket} as asked. */
    void attach(ZmqSocket socket) {
        endpoints().attach(socket);
    }

    private Endpoints endpoints() {
        Endpoints all = new Endpoints(bind, connect);
        for (String e : endpoints) {
            all = all.and(Endpoints.parse(e, Endpoints.bindsByDefault(socketType()), "-e"));
        }
        return all;
    }
}
