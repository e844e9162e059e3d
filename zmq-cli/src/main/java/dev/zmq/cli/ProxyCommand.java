package dev.zmq.cli;

import dev.zmq.ErrorCode;
import dev.zmq.Proxy;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqSocket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code zmq proxy --frontend TYPE:ENDPOINT --backend TYPE:ENDPOINT [--capture ENDPOINT]}: binds both sockets (and a
 * PUB capture socket) and forwards between them until killed.
 */
@Command(name = "proxy", description = "Forward messages between a frontend and a backend socket (both bound).")
final class ProxyCommand implements Callable<Integer> {

    @Option(names = "--frontend", required = true, paramLabel = "TYPE:ENDPOINT",
            description = "Frontend socket, e.g. ROUTER:tcp://*:5555 or XSUB:tcp://*:5556.")
    String frontend;

    @Option(names = "--backend", required = true, paramLabel = "TYPE:ENDPOINT",
            description = "Backend socket, e.g. DEALER:tcp://*:5557 or XPUB:tcp://*:5558.")
    String backend;

    @Option(names = "--capture", paramLabel = "ENDPOINT", description = "Also publish every message on a PUB bound here.")
    String capture;

    @Override
    public Integer call() {
        try (ZmqContext context = new ZmqContext()) {
            ZmqSocket front = open(context, frontend, "--frontend");
            ZmqSocket back = open(context, backend, "--backend");
            ZmqSocket tap = null;
            if (capture != null) {
                tap = context.socket(SocketType.PUB);
                tap.bind(capture);
            }
            System.err.println("zmq proxy: " + front.lastEndpoint() + " <-> " + back.lastEndpoint());
            new Proxy(front, back, tap, null).run();
        }
        return 0;
    }

    private static ZmqSocket open(ZmqContext context, String spec, String option) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || spec.startsWith("://", colon)) {
            throw new ZmqException(ErrorCode.EINVAL, option + " must be TYPE:ENDPOINT, got '" + spec + "'");
        }
        ZmqSocket s = context.socket(SocketType.fromName(spec.substring(0, colon)));
        s.bind(spec.substring(colon + 1));
        return s;
    }
}
