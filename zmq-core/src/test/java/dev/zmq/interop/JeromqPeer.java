package dev.zmq.interop;

import dev.zmq.Frame;
import dev.zmq.SocketType;
import dev.zmq.ZmqMessage;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A JeroMQ 0.6.0 socket in this JVM (it announces ZMTP 3.0). */
final class JeromqPeer implements TestPeer {

    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket socket;

    JeromqPeer(SocketType type) {
        socket = context.createSocket(org.zeromq.SocketType.valueOf(type.name()));
        socket.setLinger(5000);
        // JeroMQ 0.6.0 sometimes stalls before sending its greeting on a new outgoing connection (seen with a
        // JeroMQ peer as well as ours); a short handshake interval makes it give up and reconnect.
        socket.setHandshakeIvl(500);
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
    public void sendMany(int count, String prefix) {
        for (int i = 0; i < count; i++) {
            send(ZmqMessage.of(prefix + i));
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
    public List<ZmqMessage> recvMany(int count, Duration idle) {
        List<ZmqMessage> out = new ArrayList<>();
        ZmqMessage m;
        while (out.size() < count && (m = recv(idle)) != null) {
            out.add(m);
        }
        return out;
    }

    @Override
    public void heartbeat(int ivlMillis, int timeoutMillis) {
        socket.setHeartbeatIvl(ivlMillis);
        socket.setHeartbeatTimeout(timeoutMillis);
    }

    @Override
    public void maxMessageSize(long bytes) {
        socket.setMaxMsgSize(bytes);
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
