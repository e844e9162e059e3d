package dev.zmq.pipe;

import dev.zmq.ZmqMessage;

/**
 * The pipe between two sockets of one context ({@code inproc://}): message objects go across as they are (no
 * encoding, no copy), each tagged with the running byte count, so the pipe counts the traffic no engine counts and
 * the reader need not touch a message to count it.
 *
 * <p>Thread-safety as {@link Pipe}: one writer, one reader.
 */
final class InprocPipe extends Pipe {

    private final SpscQueue<ZmqMessage> queue = new SpscQueue<>(true);
    /** Body bytes written and read. */
    private final Counter bytesWritten = new Counter();
    private final Counter bytesRead = new Counter();

    InprocPipe(int hwm) {
        super(hwm);
    }

    @Override
    void append(ZmqMessage message) {
        long bytes = bytesWritten.plain() + message.byteSize();
        queue.offer(message, bytes);
        bytesWritten.publish(bytes);
        countWrite();
    }

    @Override
    boolean take(Received into) {
        ZmqMessage m = queue.poll();
        if (m == null) {
            return false;
        }
        // the running count the writer stored with the message: no need to touch the message here
        bytesRead.publish(queue.lastTag());
        into.whole(m);
        return true;
    }

    @Override
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    @Override
    public boolean countsTraffic() {
        return true;
    }

    @Override
    public long bytesWritten() {
        return bytesWritten.acquire();
    }

    @Override
    public long bytesRead() {
        return bytesRead.acquire();
    }
}
