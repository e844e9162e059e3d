package dev.zmq.cli;

import dev.zmq.ErrorCode;
import dev.zmq.Proxy;
import dev.zmq.SocketSpec;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.ZmqSocket;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code zmq proxy --frontend TYPE:ENDPOINTS --backend TYPE:ENDPOINTS [--capture ENDPOINTS]}: opens both sockets
 * (endpoints in czmq's syntax: {@code @} binds, {@code >} connects, comma-separated; a bare one binds), and a PUB
 * capture socket, and forwards between them until SIGINT or SIGTERM, printing what it forwarded each way then and
 * every {@code --stats-interval}. Exits 0 on a signal.
 */
@Command(name = "proxy", description = "Forward messages between a frontend and a backend socket.",
        footer = {"%nExamples:",
            "  zmq proxy --frontend 'XSUB:>tcp://weather-server:5556' --backend 'XPUB:@tcp://*:8100'   (forwarder)",
            "  zmq proxy --frontend ROUTER:@tcp://*:5559 --backend DEALER:@tcp://*:5560              (broker)"})
final class ProxyCommand implements Callable<Integer> {

    private static final Duration ANSWER = Duration.ofSeconds(2);

    @Option(names = "--frontend", required = true, paramLabel = "TYPE:ENDPOINTS",
            description = "Frontend socket, e.g. ROUTER:@tcp://*:5555 or 'XSUB:>tcp://upstream:5556'.")
    String frontend;

    @Option(names = "--backend", required = true, paramLabel = "TYPE:ENDPOINTS",
            description = "Backend socket, e.g. DEALER:@tcp://*:5557 or XPUB:@tcp://*:5558.")
    String backend;

    @Option(names = "--capture", paramLabel = "ENDPOINTS", description = "Also publish every message on a PUB there.")
    @Nullable String capture;

    @Option(names = "--stats-interval", paramLabel = "MS",
            description = "Print the messages and bytes forwarded each way every MS milliseconds (also on exit).")
    long statsIntervalMillis;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream err = System.err;
        ZmqContext context = new ZmqContext();
        ZmqSocket front = open(context, frontend, "--frontend");
        ZmqSocket back = open(context, backend, "--backend");
        ZmqSocket tap = null;
        if (capture != null) {
            Endpoints taps = Endpoints.parse(capture, true, "--capture");
            tap = SocketSpec.builder("capture").type(SocketType.PUB).bind(taps.binds()).connect(taps.connects())
                    .build().open(context);
        }
        ZmqSocket control = context.socket(SocketType.PAIR);
        control.bind("inproc://zmq-proxy-control");
        ZmqSocket controller = context.socket(SocketType.PAIR);
        controller.connect("inproc://zmq-proxy-control");
        ProxyStatistics statistics = new ProxyStatistics(controller);
        Thread proxy = new Thread(new Proxy(front, back, tap, control), "zmq-proxy");
        proxy.start();
        err.println("zmq proxy: " + frontend + " <-> " + backend);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("zmq proxy: " + statistics.line(ANSWER));
            statistics.terminate();
            err.flush();
            Runtime.getRuntime().halt(0);   // a signal ends the proxy normally
        }, "zmq-proxy-exit"));
        do {
            proxy.join(statsIntervalMillis);
            if (proxy.isAlive()) {
                err.println("zmq proxy: " + statistics.line(ANSWER));
            }
        } while (proxy.isAlive());
        return 0;
    }

    private static ZmqSocket open(ZmqContext context, String spec, String option) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || spec.startsWith("://", colon)) {
            throw new ZmqException(ErrorCode.EINVAL, option + " must be TYPE:ENDPOINTS, got '" + spec + "'");
        }
        Endpoints endpoints = Endpoints.parse(spec.substring(colon + 1), true, option);
        return SocketSpec.builder(option.substring(2)).type(spec.substring(0, colon)).bind(endpoints.binds())
                .connect(endpoints.connects()).build().open(context);
    }
}
