package dev.zmq.bench.spring;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;

/** Our core sockets with no Spring: PUSH -> PULL, a thread receiving and decoding the String. */
final class CoreContestant extends Contestant {

    private final ZmqContext context = new ZmqContext();
    private final ZmqSocket push;
    private final Thread receiver;

    CoreContestant(int port) {
        ZmqSocket pull = context.socket(SocketType.PULL);
        pull.bind("tcp://127.0.0.1:" + port);
        push = context.socket(SocketType.PUSH);
        push.connect("tcp://127.0.0.1:" + port);
        receiver = new Thread(() -> {
            try {
                while (true) {
                    handle(pull.recv().first().text());
                }
            } catch (dev.zmq.ZmqException closed) {
                // context closed
            }
        }, "core-receiver");
        receiver.setDaemon(true);
        receiver.start();
    }

    @Override
    void send(String payload) {
        push.send(payload);
    }

    @Override
    public void close() {
        context.close();
    }
}
