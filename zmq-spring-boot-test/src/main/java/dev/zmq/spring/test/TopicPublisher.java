package dev.zmq.spring.test;

import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.support.ZmqSocketSpec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's XPUB before an application's SUB: publishes a message only once a subscription matching its topic
 * has arrived, reading the subscriptions XPUB receives, so a test never loses a message to a late subscriber.
 * Thread-safe (one publish at a time).
 */
final class TopicPublisher implements AutoCloseable {

    private final ZmqSocket socket;
    private final String target;
    private final Duration timeout;
    private final List<byte[]> prefixes = new ArrayList<>();

    TopicPublisher(ZmqSocketSpec peer, String target, ZmqContext context, Duration timeout) {
        this.socket = peer.open(context);
        this.target = target;
        this.timeout = timeout;
    }

    /**
     * Sends {@code message} (its first frame the topic) once {@code topic} is subscribed to.
     *
     * @throws AssertionError when no matching subscription arrives in time
     */
    synchronized void publish(String topic, ZmqMessage message) {
        byte[] wanted = topic.getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!subscribed(wanted)) {
            ZmqMessage sub = socket.recv(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (sub == null) {
                throw new AssertionError("socket '" + target + "' did not subscribe to a prefix of '" + topic
                        + "' within " + timeout.toMillis() + " ms");
            }
            byte[] frame = sub.first().data();
            if (frame.length > 0 && frame[0] == 1) {
                prefixes.add(Arrays.copyOfRange(frame, 1, frame.length));
            }
        }
        socket.send(message);
    }

    private boolean subscribed(byte[] topic) {
        return prefixes.stream().anyMatch(p -> p.length <= topic.length
                && Arrays.equals(p, 0, p.length, topic, 0, p.length));
    }

    @Override
    public synchronized void close() {
        socket.close();
    }
}
