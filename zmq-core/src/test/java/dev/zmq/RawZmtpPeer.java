package dev.zmq;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A hand-driven ZMTP peer over a blocking socket: it sends {@link RawBytes} (written from the RFCs in the test) and
 * takes what comes back apart by the RFCs' grammar, never with the library's own encoders or decoders.
 */
final class RawZmtpPeer implements AutoCloseable {

    /** One frame read from the socket under test: the flags byte (LONG cleared) and the body. */
    record RawFrame(int flags, byte[] body) {
        boolean isCommand() {
            return (flags & 0x04) != 0;
        }

        /** A command's name: the body's first byte is its length. */
        String commandName() {
            return new String(body, 1, body[0] & 0xFF, StandardCharsets.US_ASCII);
        }

        /** A command's data: what follows the name. */
        byte[] commandData() {
            return Arrays.copyOfRange(body, 1 + (body[0] & 0xFF), body.length);
        }

        /** The value of metadata property {@code name} in a READY command (name length, name, 4-byte length, value). */
        String property(String name) {
            byte[] data = commandData();
            int at = 0;
            while (at < data.length) {
                int nameLength = data[at] & 0xFF;
                String key = new String(data, at + 1, nameLength, StandardCharsets.US_ASCII);
                at += 1 + nameLength;
                int valueLength = ((data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16)
                        | ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
                at += 4;
                if (key.equalsIgnoreCase(name)) {
                    return new String(data, at, valueLength, StandardCharsets.US_ASCII);
                }
                at += valueLength;
            }
            return null;
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

    /** The 64 bytes of the other side's greeting. */
    byte[] readGreeting() throws IOException {
        byte[] g = new byte[64];
        in.readFully(g);
        return g;
    }

    /** Greeting (ZMTP 3.1, NULL) both ways, READY both ways; returns our socket's READY. */
    RawFrame handshake(String socketType) throws IOException {
        write(RawBytes.greeting("NULL", false));
        readGreeting();
        write(RawBytes.ready(socketType));
        return readFrame();
    }

    /** The next frame, or {@code null} when the socket under test closed the connection. */
    RawFrame readFrame() throws IOException {
        try {
            int flags = in.readUnsignedByte();
            long size = (flags & 0x02) != 0 ? in.readLong() : in.readUnsignedByte();
            byte[] body = new byte[(int) size];
            in.readFully(body);
            return new RawFrame(flags & ~0x02, body);
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
