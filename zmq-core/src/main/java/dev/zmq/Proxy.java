package dev.zmq;

import org.jspecify.annotations.Nullable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * Forwards messages between a frontend and a backend socket in both directions (zmq_proxy_steerable): an XSUB/XPUB
 * forwarder, a ROUTER/DEALER broker, a PULL/PUSH streamer. Every forwarded message is also sent to the optional
 * capture socket. The optional control socket takes {@code PAUSE}, {@code RESUME}, {@code TERMINATE} and
 * {@code STATISTICS} (answered with 8 frames of 8-byte little-endian counts, as libzmq does: frontend messages in,
 * bytes in, messages out, bytes out, then the same for the backend); a REP control socket gets {@code OK} for the
 * other commands so it can take the next one.
 *
 * <p>Thread-safety: {@link #run()} uses the sockets from its own thread; hand them over before starting it and do
 * not use them elsewhere meanwhile. It returns on TERMINATE, or when a socket is closed (ETERM).
 */
public final class Proxy implements Runnable {

    private final ZmqSocket frontend;
    private final ZmqSocket backend;
    private final @Nullable ZmqSocket capture;
    private final @Nullable ZmqSocket control;
    private final long[] counts = new long[8];
    private boolean paused;

    /**
     * A proxy; {@code capture} and {@code control} may be {@code null}.
     *
     * @throws ZmqException EINVAL when frontend and backend are the same socket
     */
    public Proxy(ZmqSocket frontend, ZmqSocket backend, @Nullable ZmqSocket capture, @Nullable ZmqSocket control) {
        if (frontend == backend) {
            throw new ZmqException(ErrorCode.EINVAL, "a proxy needs two different sockets");
        }
        this.frontend = frontend;
        this.backend = backend;
        this.capture = capture;
        this.control = control;
    }

    @Override
    public void run() {
        try (Poller poller = new Poller()) {
            poller.register(frontend, Poller.POLLIN).register(backend, Poller.POLLIN);
            if (control != null) {
                poller.register(control, Poller.POLLIN);
            }
            while (true) {
                poller.poll(Duration.ofMillis(-1));
                if (control != null && poller.isReadable(control)) {
                    if (!command(control, control.recv())) {
                        return;
                    }
                    if (paused) {
                        poller.unregister(frontend);
                        poller.unregister(backend);
                    } else {
                        poller.register(frontend, Poller.POLLIN).register(backend, Poller.POLLIN);
                    }
                }
                if (poller.isReadable(frontend)) {
                    forward(frontend, backend, 0);
                }
                if (poller.isReadable(backend)) {
                    forward(backend, frontend, 4);
                }
            }
        } catch (ZmqException e) {
            if (e.code() != ErrorCode.ETERM) {
                throw e;
            }
        }
    }

    /** Moves what {@code from} has ready (a bounded batch) to {@code to}. */
    private void forward(ZmqSocket from, ZmqSocket to, int fromIndex) {
        int toIndex = 4 - fromIndex;
        ZmqMessage m;
        for (int i = 0; i < 1024 && (m = from.recv(ZmqSocket.DONTWAIT)) != null; i++) {
            long bytes = m.byteSize();
            counts[fromIndex]++;
            counts[fromIndex + 1] += bytes;
            if (capture != null) {
                capture.send(m, ZmqSocket.DONTWAIT);
            }
            to.send(m);
            counts[toIndex + 2]++;
            counts[toIndex + 3] += bytes;
        }
    }

    /** Applies a control command; {@code false} on TERMINATE. */
    /** Obeys a command read from {@code control}; whether to go on. */
    private boolean command(ZmqSocket control, ZmqMessage m) {
        String c = m.first().text();
        switch (c) {
            case "PAUSE" -> paused = true;
            case "RESUME" -> paused = false;
            case "TERMINATE" -> {
                acknowledge(control);
                return false;
            }
            case "STATISTICS" -> {
                ZmqMessage.Builder b = ZmqMessage.builder();
                for (long v : counts) {
                    b.add(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
                }
                control.send(b.build());
                return true;
            }
            default -> {
                // unknown commands are ignored, as libzmq does
            }
        }
        acknowledge(control);
        return true;
    }

    private static void acknowledge(ZmqSocket control) {
        if (control.type() == SocketType.REP) {
            control.send("OK");
        }
    }
}
