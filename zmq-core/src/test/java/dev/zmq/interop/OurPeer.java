package dev.zmq.interop;

import dev.zmq.SocketOption;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;

import java.time.Duration;

/** Our socket behind the {@link TestPeer} interface, so interop cases run the same way in both directions. */
final class OurPeer implements TestPeer {

    final ZmqSocket socket;

    OurPeer(ZmqContext context, SocketType type) {
        socket = context.socket(type);
    }

    @Override
    public String bind(String endpoint) {
        socket.bind(endpoint);
        return socket.lastEndpoint();
    }

    @Override
    public void connect(String endpoint) {
        socket.connect(endpoint);
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
        socket.send(message);
    }

    @Override
    public ZmqMessage recv(Duration timeout) {
        return socket.recv(timeout);
    }

    @Override
    public void heartbeat(int ivlMillis, int timeoutMillis) {
        socket.set(SocketOption.HEARTBEAT_IVL, Duration.ofMillis(ivlMillis));
        socket.set(SocketOption.HEARTBEAT_TIMEOUT, Duration.ofMillis(timeoutMillis));
    }

    @Override
    public void maxMessageSize(long bytes) {
        socket.set(SocketOption.MAXMSGSIZE, bytes);
    }

    @Override
    public void routingId(byte[] id) {
        socket.set(SocketOption.ROUTING_ID, id);
    }

    @Override
    public void probeRouter() {
        socket.set(SocketOption.PROBE_ROUTER, true);
    }

    @Override
    public void ipv6() {
        // our sockets take an IPv6 endpoint as written, with no option to set first
    }

    @Override
    public void kill() {
        socket.set(SocketOption.LINGER, Duration.ZERO);
        socket.close();
    }

    @Override
    public void close() {
        socket.close();
    }
}
