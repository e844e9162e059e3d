package dev.zmq.cli;

import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code zmq monitor -t TYPE (-b|-c) ENDPOINT}: makes the socket and prints its events as they happen, one per line,
 * until killed (or until {@code --duration} passes).
 */
@Command(name = "monitor", description = "Print a socket's events (connected, handshake failed, ...) as they happen.",
        footer = {"%nExample:", "  zmq monitor -t DEALER -e '>tcp://broker:5555' --duration 10000"})
final class MonitorCommand implements Callable<Integer> {

    @Mixin
    SocketArgs spec;

    @Option(names = "--duration", paramLabel = "MS", description = "Stop after MS milliseconds (default: run until killed).")
    long durationMillis = -1;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        try (ZmqContext context = new ZmqContext()) {
            ZmqSocket socket = spec.open(context, List.of(), List.of(), s -> s.addMonitor(e -> {
                synchronized (out) {
                    out.println(e.time() + " " + e);
                    out.flush();
                }
            }));
            if (durationMillis >= 0) {
                Thread.sleep(durationMillis);
            } else {
                new CountDownLatch(1).await();   // until killed
            }
            socket.close();
        }
        return 0;
    }
}
