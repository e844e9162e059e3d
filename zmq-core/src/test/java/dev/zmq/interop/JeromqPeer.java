package dev.zmq.interop;

import dev.zmq.Frame;
import dev.zmq.SocketType;
import dev.zmq.ZmqMessage;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A JeroMQ 0.6.0 socket in this JVM (it announces ZMTP 3.0). */
final class JeromqPeer implements TestPeer {

    private final ZContext context = new ZContext(1);
    private final SocketType type;
    private final List<Consumer<ZMQ.Socket>> settings = new ArrayList<>();
    private ZMQ.Socket socket;

    JeromqPeer(SocketType type) {
        this.type = type;
        this.socket = newSocket();
    }

    private ZMQ.Socket newSocket() {
        ZMQ.Socket s = context.createSocket(org.zeromq.SocketType.valueOf(type.name()));
        s.setLinger(5000);
        settings.forEach(setting -> setting.accept(s));
        return s;
    }

    /**
     * Drops the socket and makes a fresh one. JeroMQ 0.6.0 now and then accepts a TCP connection it made but never
     * starts the ZMTP handshake on it (seen against a JeroMQ peer as well as ours; its handshake timer never fires
     * and its monitor reports nothing), so tests that see no handshake start over with a new socket.
     */
    void renew() {
        socket.setLinger(0);
        context.destroySocket(socket);
        socket = newSocket();
    }

    /** Applies an option now and to every renewed socket. */
    private void apply(Consumer<ZMQ.Socket> setting) {
        settings.add(setting);
        setting.accept(socket);
    }

    @Override
    public String bind(String endpoint) {
        if (!socket.bind(endpoint)) {
            throw new IllegalStateException("JeroMQ could not bind " + endpoint);
        }
        return socket.getLastEndpoint();
    }

    @Override
    public void connect(String endpoint) {
        if (!socket.connect(endpoint)) {
            throw new IllegalStateException("JeroMQ could not connect " + endpoint);
        }
    }

    @Override
    public void subscribe(byte[] topic) {
        socket.subscribe(topic);
    }

    @Override
    public void unsubscribe(byte[] topic) {
        socket.unsubscribe(topic);
    }

    @Override
    public void send(ZmqMessage message) {
        for (int i = 0; i < message.size(); i++) {
            boolean more = i + 1 < message.size();
            if (!socket.send(message.frame(i).data(), more ? ZMQ.SNDMORE : 0)) {
                throw new IllegalStateException("JeroMQ send failed: errno " + socket.errno());
            }
        }
    }

    @Override
    public ZmqMessage recv(Duration timeout) {
        socket.setReceiveTimeOut((int) timeout.toMillis());
        byte[] first = socket.recv(0);
        if (first == null) {
            return null;
        }
        ZmqMessage.Builder b = ZmqMessage.builder().add(Frame.wrap(first));
        while (socket.hasReceiveMore()) {
            b.add(Frame.wrap(socket.recv(0)));
        }
        return b.build();
    }

    @Override
    public void heartbeat(int ivlMillis, int timeoutMillis) {
        apply(s -> {
            s.setHeartbeatIvl(ivlMillis);
            s.setHeartbeatTimeout(timeoutMillis);
        });
    }

    @Override
    public void maxMessageSize(long bytes) {
        apply(s -> s.setMaxMsgSize(bytes));
    }

    @Override
    public void routingId(byte[] id) {
        apply(s -> s.setIdentity(id));
    }

    @Override
    public void probeRouter() {
        apply(s -> s.setProbeRouter(true));
    }

    @Override
    public void ipv6() {
        apply(s -> s.setIPv6(true));
    }

    @Override
    public void kill() {
        socket.setLinger(0);
        context.close();
    }

    @Override
    public void close() {
        context.close();
    }
}
