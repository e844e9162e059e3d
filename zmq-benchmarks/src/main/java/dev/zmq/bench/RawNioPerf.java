package dev.zmq.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Locale;

/**
 * The loopback ceiling for {@code compare.sh}: plain blocking Java NIO over TCP, one thread writing {@code SIZE}-byte
 * direct buffers and one reading into a direct buffer of the same size, no framing at all. Prints the rate in the
 * perf tools' form ({@code mean throughput: N [msg/s]}, a message being one {@code SIZE}-byte write). A command-line
 * program: {@code RawNioPerf SIZE COUNT}.
 */
public final class RawNioPerf {

    private RawNioPerf() {
    }

    /** Sends and receives {@code COUNT} writes of {@code SIZE} bytes; prints the throughput. */
    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        long count = Long.parseLong(args[1]);
        long total = size * count;
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread writer = new Thread(() -> write(server.socket().getLocalSocketAddress(), size, count));
            writer.start();
            try (SocketChannel in = server.accept()) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(size);
                long received = 0;
                long start = 0;
                while (received < total) {
                    buffer.clear();
                    int n = in.read(buffer);
                    if (n < 0) {
                        throw new IOException("writer closed early");
                    }
                    if (received == 0) {
                        start = System.nanoTime();
                    }
                    received += n;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "mean throughput: %d [msg/s]%n", (long) (count / seconds));
            }
            writer.join();
        }
    }

    private static void write(SocketAddress address, int size, long count) {
        try (SocketChannel out = SocketChannel.open(address)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(size);
            for (long i = 0; i < count; i++) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
