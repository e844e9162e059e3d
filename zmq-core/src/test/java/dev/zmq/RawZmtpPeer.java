package dev.zmq;

import dev.zmq.wire.Command;
import dev.zmq.wire.FrameFlags;
import dev.zmq.wire.Greeting;
import dev.zmq.wire.Metadata;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A hand-driven ZMTP peer over a blocking socket, to send exactly the bytes a test needs and read what comes back. */
final class RawZmtpPeer implements AutoCloseable {

    /** One frame read from the socket under test. */
    record RawFrame(int flags, byte[] body) {
        boolean isCommand() {
            return (flags & FrameFlags.COMMAND) != 0;
        }

        Command command() {
            return Command.parse(body);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawZmtpPeer(String tcpEndpoint) throws IOException {
        int colon = tcpEndpoint.lastIndexOf(':');
        socket = new Socket("127.0.0.1", Integer.parseInt(tcpEndpoint.substring(colon + 1)));
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void sendGreeting() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Greeting.SIZE);
        Greeting.ours("NULL", false).encode(b);
        write(b.array());
    }

    Greeting readGreeting() throws IOException {
        byte[] g = new byte[Greeting.SIZE];
        in.readFully(g);
        return Greeting.decode(ByteBuffer.wrap(g));
    }

    void sendCommand(Command c) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(c.frameSize());
        c.encode(b);
        write(b.array());
    }

    void sendReady(String socketType) throws IOException {
        byte[] props = Metadata.of(Map.of(Metadata.SOCKET_TYPE, socketType.getBytes(StandardCharsets.US_ASCII)))
                .toBytes();
        sendCommand(new Command(Command.READY, props));
    }

    /** Greeting both ways, READY both ways; returns our socket's READY. */
    Command handshake(String socketType) throws IOException {
        sendGreeting();
        readGreeting();
        sendReady(socketType);
        return readFrame().command();
    }

    void sendFrame(int flags, byte[] body) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(FrameFlags.headerSize(body.length) + body.length);
        FrameFlags.writeHeader(b, flags, body.length);
        b.put(body);
        write(b.array());
    }

    /** The next frame, or {@code null} when the socket under test closed the connection. */
    RawFrame readFrame() throws IOException {
        try {
            int flags = in.readUnsignedByte();
            long size = (flags & FrameFlags.LONG) != 0 ? in.readLong() : in.readUnsignedByte();
            byte[] body = new byte[(int) size];
            in.readFully(body);
            return new RawFrame(flags & ~FrameFlags.LONG, body);
        } catch (EOFException e) {
            return null;
        }
    }

    /** Reads frames until the other side closes; {@code true} if it did within the socket timeout. */
    boolean awaitClosed() throws IOException {
        try {
            while (readFrame() != null) {
                // skip whatever is still in flight
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
