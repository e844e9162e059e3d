package dev.zmq.pipe;

import dev.zmq.ErrorCode;
import dev.zmq.Frame;
import dev.zmq.ZmqException;
import dev.zmq.ZmqMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An append-only file holding the messages a pipe could not keep in memory (SWAP): the writer appends at the end,
 * the reader consumes from the front, in order. It holds at most {@code maxBytes} unread bytes. The writer retires
 * the file once the reader has consumed everything, which deletes it.
 *
 * <p>Thread-safety: one writer thread and one reader thread, like its {@link Pipe}; positions are published with
 * volatile writes, so the reader never reads past what the writer finished. Throws {@link ZmqException} (EIO-like
 * EFSM) when the file cannot be created.
 */
final class SwapFile {

    private final Path path;
    private final FileChannel channel;
    private final long maxBytes;
    private long writePosition;
    private volatile long published;
    private long readPosition;
    private volatile long consumed;

    SwapFile(Path directory, long maxBytes) {
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(directory);
            this.path = Files.createTempFile(directory, "zmq-swap-", ".bin");
            path.toFile().deleteOnExit();
            this.channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ZmqException(ErrorCode.EFSM, "cannot create a swap file in " + directory + ": " + e, e);
        }
    }

    /** Appends {@code message}; {@code false} when it would exceed the unread-bytes limit. Writer only. */
    boolean append(ZmqMessage message) {
        int size = 4;
        for (Frame f : message.frames()) {
            size += 4 + f.size();
        }
        if (writePosition + size - consumed > maxBytes) {
            return false;
        }
        ByteBuffer b = ByteBuffer.allocate(size).putInt(message.size());
        for (Frame f : message.frames()) {
            b.putInt(f.size()).put(f.data());
        }
        b.flip();
        try {
            while (b.hasRemaining()) {
                channel.write(b, writePosition + b.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the swap file " + path, e);
        }
        writePosition += size;
        published = writePosition;
        return true;
    }

    /** The oldest unread message, or {@code null}. Reader only. */
    @Nullable ZmqMessage read() {
        if (readPosition == published) {
            return null;
        }
        try {
            int frames = readInt();
            List<Frame> out = new ArrayList<>(frames);
            for (int i = 0; i < frames; i++) {
                byte[] data = new byte[readInt()];
                ByteBuffer b = ByteBuffer.wrap(data);
                while (b.hasRemaining()) {
                    channel.read(b, readPosition + b.position());
                }
                readPosition += data.length;
                out.add(Frame.wrap(data));
            }
            consumed = readPosition;
            return ZmqMessage.of(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the swap file " + path, e);
        }
    }

    private int readInt() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4);
        while (b.hasRemaining()) {
            channel.read(b, readPosition + b.position());
        }
        readPosition += 4;
        return b.getInt(0);
    }

    /** Bytes written and not yet read (a snapshot from any thread). */
    long unread() {
        return Math.max(0, published - consumed);
    }

    /** Whether the reader has consumed everything written. Writer only. */
    boolean drained() {
        return consumed == writePosition;
    }

    /** Closes and deletes the file (writer, once {@link #drained()}, or when the pipe is discarded). */
    void retire() {
        try {
            channel.close();
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // deleteOnExit is the fallback
        }
    }

}
