package dev.zmq.pipe;

import dev.zmq.ZmqMessage;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link BoundedPipe} that keeps its HWM of messages in memory and spills up to a byte limit more to a file,
 * fed back in order as the reader drains the pipe (ZeroMQ 2's SWAP): a stalled consumer costs disk, not heap.
 *
 * <p>Thread-safety as {@link Pipe}: one writer, one reader.
 */
final class SwappingPipe extends BoundedPipe {

    private final long swapBytes;
    private final Path swapDirectory;
    /** The current swap file; written by the writer, read by the reader. */
    private volatile @Nullable SwapFile swap;
    /** Writer: messages go to the swap file until the reader has consumed all of it, to keep their order. */
    private boolean swapping;

    SwappingPipe(int hwm, long swapBytes, Path swapDirectory) {
        super(hwm);
        this.swapBytes = swapBytes;
        this.swapDirectory = swapDirectory;
    }

    @Override
    public boolean offerQuietly(ZmqMessage message) {
        if ((swapping || !hasRoom()) && offerToSwap(message)) {
            return true;
        }
        return super.offerQuietly(message);
    }

    /** An engine's delivery takes the message path, so it may spill like any other. */
    @Override
    public boolean offerQuietly(byte[] body, Map<String, String> properties) {
        return offerQuietly(ZmqMessage.received(body, properties));
    }

    /** Writer: spills {@code message} (or, once the file is drained and there is room, stops spilling). */
    private boolean offerToSwap(ZmqMessage message) {
        SwapFile s = swap;
        if (swapping && s != null && s.drained() && hasRoom()) {
            swapping = false;
            swap = null;
            s.retire();
            return false;
        }
        if (s == null) {
            s = new SwapFile(swapDirectory, swapBytes);
            swap = s;
        }
        if (!s.append(message)) {
            return false;
        }
        swapping = true;
        countWrite();
        return true;
    }

    /** What is in memory first, then what waits in the file. */
    @Override
    boolean take(Received into) {
        if (super.take(into)) {
            return true;
        }
        SwapFile s = swap;
        return into.whole(s == null ? null : s.read());
    }

    @Override
    public boolean isEmpty() {
        SwapFile s = swap;
        return super.isEmpty() && (s == null || s.unread() == 0);
    }

    @Override
    public long swappedBytes() {
        SwapFile s = swap;
        return s == null ? 0 : s.unread();
    }
}
