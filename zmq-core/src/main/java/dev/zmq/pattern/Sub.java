package dev.zmq.pattern;

import dev.zmq.ErrorCode;
import dev.zmq.SocketOptions;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;
import dev.zmq.pipe.Received;
import dev.zmq.pipe.Signaler;

/**
 * SUB: receives only messages whose first frame starts with a subscribed topic (filtered here as well as at the
 * publisher, since messages already in flight when a topic is cancelled must not be delivered). Subscribing twice
 * needs two cancels. The application does not send;
 * it calls {@link #subscribe(byte[], boolean)}.
 */
final class Sub extends XSub {

    Sub(SocketOptions options, Signaler signaler, DropCounter drops) {
        super(options, signaler, drops);
    }

    @Override
    public boolean canSend() {
        return false;
    }

    @Override
    public boolean send(ZmqMessage message) {
        throw new ZmqException(ErrorCode.ENOTSUP, "SUB sockets cannot send; use subscribe()/unsubscribe()");
    }

    /** The next message matching a subscription (those that do not are dropped); {@link XSub#recv()} comes here. */
    @Override
    public boolean recvInto(Received into) {
        while (super.recvInto(into)) {
            if (subscriptions.matches(into.firstFrame())) {
                return true;
            }
        }
        into.clear();
        return false;
    }
}
