package dev.zmq;


import dev.zmq.security.Zap;
import dev.zmq.security.ZapReply;
import dev.zmq.security.ZapRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;

/**
 * The requesting side of ZAP for a whole context: one internal DEALER (not among {@link ZmqContext#sockets()})
 * connected to {@link Zap#ENDPOINT}, owned by one thread that sends the requests I/O threads queue and hands each
 * reply to the callback waiting for its request id. I/O threads never block on authentication. Thread-safe.
 */
final class ZapRequester implements Zap, AutoCloseable {

    private final BooleanSupplier handlerBound;
    private final ZmqSocket dealer;
    private final Poller poller = new Poller();
    private final Queue<ZmqMessage> outbox = new ConcurrentLinkedQueue<>();
    private final Map<String, Consumer<ZapReply>> waiting = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    /** A requester in {@code context}; {@code handlerBound} tells whether a handler is bound now. */
    ZapRequester(ZmqContext context, BooleanSupplier handlerBound) {
        this.handlerBound = handlerBound;
        this.dealer = context.internalSocket(SocketType.DEALER, "zap-requester")
                .set(SocketOption.LINGER, Duration.ZERO);
        dealer.connect(ENDPOINT);
        this.thread = new Thread(this::run, "zmq-zap-requester");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean handlerBound() {
        return handlerBound.getAsBoolean();
    }

    @Override
    public void authenticate(ZapRequest request, Consumer<ZapReply> onReply) {
        waiting.put(request.requestId(), onReply);
        outbox.add(request.toMessage());
        poller.wakeup();
    }

    private void run() {
        try {
            poller.register(dealer, Poller.POLLIN);
            while (!closed) {
                poller.poll(Duration.ofMillis(-1));
                ZmqMessage m;
                while ((m = outbox.poll()) != null) {
                    dealer.send(m);
                }
                while ((m = dealer.recv(ZmqSocket.DONTWAIT)) != null) {
                    deliver(m.frames());
                }
            }
        } catch (ZmqException closedUnderUs) {
            // the context is closing; connections waiting for ZAP are closed with it
        } finally {
            poller.close();
        }
    }

    private void deliver(List<Frame> frames) {
        int start = frames.isEmpty() || !frames.get(0).isEmpty() ? 0 : 1;
        try {
            ZapReply reply = ZapReply.parse(frames.subList(start, frames.size()));
            Consumer<ZapReply> callback = waiting.remove(reply.requestId());
            if (callback != null) {
                callback.accept(reply);
            }
        } catch (IllegalArgumentException malformed) {
            // a broken handler's reply; the waiting handshake times out (HANDSHAKE_IVL)
        }
    }

    @Override
    public void close() {
        closed = true;
        poller.wakeup();
        dealer.close();
    }
}
