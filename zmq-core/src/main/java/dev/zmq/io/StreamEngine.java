package dev.zmq.io;

import dev.zmq.Frame;
import dev.zmq.SocketOption;
import dev.zmq.ZmqMessage;
import dev.zmq.monitor.TrafficCounters;
import dev.zmq.pipe.Peer;
import dev.zmq.security.CurveMechanism;
import dev.zmq.security.HandshakeChannel;
import dev.zmq.security.Mechanism;
import dev.zmq.wire.Command;
import dev.zmq.wire.FrameDecoder;
import dev.zmq.wire.FrameFlags;
import dev.zmq.wire.Greeting;
import dev.zmq.wire.MessageEncoder;
import dev.zmq.wire.Metadata;
import dev.zmq.wire.ProtocolException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One ZMTP 3.x connection over a stream channel (TCP now, Unix domain sockets later): greeting, mechanism
 * handshake, socket-type check, then moving whole messages between the channel and the peer's pipes, with
 * heartbeats.
 *
 * <p>Batching: a write drains as many queued messages as fit into one buffer and writes them with one call; a read
 * decodes every whole frame in what arrived. The engine is woken to write only on the empty to non-empty edge of the
 * outbound pipe. At the inbound pipe's HWM it stops reading until the socket has drained it.
 *
 * <p>Thread-safety: everything runs on the owning {@link IoThread} except {@link #scheduleWrite()}, which any
 * thread may call.
 */
public final class StreamEngine implements IoHandler {

    private static final int BUFFER_SIZE = 64 * 1024;
    /** Buffers written in one go before other connections on the I/O thread get their turn. */
    private static final int MAX_WRITE_ROUNDS = 16;
    /**
     * Messages delivered between two wake-up checks of the socket within one read: a reader that drains faster than
     * the I/O thread decodes parks and is unparked at most once per this many, not once per few.
     */
    private static final int WAKE_EVERY = 1024;

    private enum State { GREETING, HANDSHAKE, ACTIVE, ERROR_SENT, CLOSED }

    private final IoThread io;
    private final SocketChannel channel;
    private final EngineOwner owner;
    private final ConnectionConfig config;
    private final String remote;
    private final Mechanism mechanism;
    private final FrameDecoder decoder;
    private final MessageEncoder encoder = new MessageEncoder();
    private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final ArrayDeque<Command> commands = new ArrayDeque<>();
    private final ArrayDeque<ZmqMessage> preamble = new ArrayDeque<>();
    private final List<Frame> partial = new ArrayList<>(4);
    /** Body bytes of the multipart message being decoded (its frames so far). */
    private long partialBytes;
    private long pendingInboundBytes;
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    /**
     * Held while commands are queued, and while {@link #out} is filled and written: by the I/O thread, and by an
     * application thread writing to the idle connection itself ({@link ConnectionConfig#writesDirectly()}).
     */
    private final ReentrantLock output = new ReentrantLock();
    private final Runnable writeTask = this::writeTaskRun;
    private final Runnable resumeTask = this::resumeReading;
    private final FrameDecoder.FrameSink frameSink = this::onFrame;
    private final TrafficCounters socketTraffic;
    private final HandshakeChannel handshake = new Handshake();

    private SelectionKey key;
    /** Written by the I/O thread; read by an application thread writing directly. */
    private volatile State state = State.GREETING;
    private Greeting peerGreeting;
    private Peer peer;
    private boolean sendSubscriptionCommands;
    private ZmqMessage pendingInbound;
    private Map<String, String> properties = Map.of();
    /** Messages queued for the socket in this read (woken early on the first and every WAKE_EVERY; at the end). */
    private int unwokenDeliveries;
    private volatile boolean lingering;
    private String errorReason;
    private long lastReceivedNanos = System.nanoTime();
    private long batchMessagesIn;
    private long batchBytesIn;
    private long batchMessagesOut;
    private long batchBytesOut;
    private IoTimer handshakeTimer;
    private IoTimer heartbeatTimer;
    private IoTimer heartbeatTimeoutTimer;
    private IoTimer ttlTimer;

    /**
     * An engine for a connected {@code channel}; call {@link #start()} on the I/O thread.
     *
     * @param remote the peer's address as shown in events, e.g. {@code tcp://127.0.0.1:40000}
     */
    public StreamEngine(IoThread io, SocketChannel channel, EngineOwner owner, ConnectionConfig config, String remote,
                        TrafficCounters socketTraffic) {
        this.socketTraffic = socketTraffic;
        this.io = io;
        this.channel = channel;
        this.owner = owner;
        this.config = config;
        this.remote = remote;
        this.mechanism = config.newMechanism();
        this.decoder = new FrameDecoder(config.options().get(SocketOption.MAXMSGSIZE));
    }

    /** The peer's address. */
    public String remote() {
        return remote;
    }

    /** Registers with the selector and sends our greeting. */
    public void start() {
        try {
            channel.configureBlocking(false);
            key = io.register(channel, SelectionKey.OP_READ, this);
        } catch (IOException e) {
            close("cannot register connection: " + e.getMessage());
            return;
        }
        long handshakeMillis = config.options().get(SocketOption.HANDSHAKE_IVL).toMillis();
        if (handshakeMillis > 0) {
            handshakeTimer = io.schedule(handshakeMillis * 1_000_000L, () -> {
                if (state == State.GREETING || state == State.HANDSHAKE) {
                    close("handshake did not complete within " + handshakeMillis + " ms");
                }
            });
        }
        Greeting.ours(mechanism.name(), mechanism.asServer()).encode(out);
        flush();
    }

    /** Asks the I/O thread to write queued messages; safe from any thread, cheap when already asked. */
    public void scheduleWrite() {
        if (writeScheduled.compareAndSet(false, true)) {
            io.execute(writeTask);
        }
    }

    /** Finish writing what is queued, then close (socket close with linger). I/O thread only. */
    public void closeWhenDrained() {
        lingering = true;
        flush();
    }

    @Override
    public void onReady(SelectionKey k) {
        if (k.isReadable()) {
            read();
        }
        if (state != State.CLOSED && k.isValid() && k.isWritable()) {
            flush();
        }
    }

    // ---------------------------------------------------------------- reading

    private void read() {
        int n;
        try {
            n = channel.read(in);
        } catch (IOException e) {
            close("connection error: " + e.getMessage());
            return;
        }
        if (n < 0) {
            close("peer closed the connection");
            return;
        }
        lastReceivedNanos = System.nanoTime();
        if (ttlTimer != null) {
            ttlTimer.cancel();
            ttlTimer = null;
        }
        process();
    }

    /** Decodes what is buffered; leaves {@code in} in fill mode. */
    private void process() {
        in.flip();
        try {
            while (in.hasRemaining() && pendingInbound == null && isReading()) {
                if (state == State.GREETING) {
                    if (in.remaining() < Greeting.SIZE) {
                        break;
                    }
                    onGreeting(Greeting.decode(in));
                } else if (!decoder.decode(in, frameSink)) {
                    break;
                }
            }
        } catch (ProtocolException e) {
            close(e.getMessage());
        }
        if (state != State.CLOSED) {
            in.compact();
        }
        if (unwokenDeliveries > 0) {
            peer.in().wakeReader();
        }
        unwokenDeliveries = 0;
        publishReceived();
    }

    /** Adds this read's counts to the peer's and the socket's counters: one update per read, not per message. */
    private void publishReceived() {
        if (peer != null && batchMessagesIn > 0) {
            peer.traffic().received(batchMessagesIn, batchBytesIn);
            socketTraffic.received(batchMessagesIn, batchBytesIn);
            batchMessagesIn = 0;
            batchBytesIn = 0;
        }
    }

    /** As {@link #publishReceived()} for what was written; under {@link #output}. */
    private void publishSent() {
        if (peer != null && batchMessagesOut > 0) {
            peer.traffic().sent(batchMessagesOut, batchBytesOut);
            socketTraffic.sent(batchMessagesOut, batchBytesOut);
            batchMessagesOut = 0;
            batchBytesOut = 0;
        }
    }

    private boolean isReading() {
        return state == State.GREETING || state == State.HANDSHAKE || state == State.ACTIVE;
    }

    private void onGreeting(Greeting g) {
        peerGreeting = g;
        if (!g.mechanism().equals(mechanism.name())) {
            throw new ProtocolException("security mechanism mismatch: we use " + mechanism.name()
                    + ", the peer uses " + g.mechanism());
        }
        state = State.HANDSHAKE;
        mechanism.start(handshake);
        flush();
    }

    private boolean onFrame(int flags, byte[] body) {
        if (state == State.ACTIVE && mechanism.encrypts()) {
            return onSealedFrame(Command.parse(body));
        }
        if ((flags & FrameFlags.COMMAND) != 0) {
            onCommand(Command.parse(body));
            return isReading() && pendingInbound == null;
        }
        if (state != State.ACTIVE) {
            throw new ProtocolException("message frame received before the handshake completed");
        }
        return onMessageFrame((flags & FrameFlags.MORE) != 0, body);
    }

    /** A frame of an encrypting connection: a sealed MESSAGE (in a data or command frame), or a plain ERROR. */
    private boolean onSealedFrame(Command c) {
        if (c.is(Command.ERROR)) {
            onCommand(c);
            return false;
        }
        byte[] plain = mechanism.open(c);
        byte[] inner = Arrays.copyOfRange(plain, 1, plain.length);
        if ((plain[0] & CurveMechanism.COMMAND) != 0) {
            onCommand(Command.parse(inner));
            return isReading() && pendingInbound == null;
        }
        return onMessageFrame((plain[0] & CurveMechanism.MORE) != 0, inner);
    }

    private boolean onMessageFrame(boolean more, byte[] body) {
        if (!more && partial.isEmpty()) {
            // the common single-frame message: no list, and no message object until the socket takes it
            if (peer.in().offerQuietly(body, properties)) {
                delivered(body.length);
                return true;
            }
            return holdBack(ZmqMessage.received(body, properties), body.length);
        }
        partialBytes += body.length;
        partial.add(Frame.wrap(body));
        if (more) {
            return true;
        }
        ZmqMessage message = ZmqMessage.received(partial, properties);
        partial.clear();
        long bytes = partialBytes;
        partialBytes = 0;
        return deliver(message, bytes);
    }

    /** Queues {@code message} ({@code bytes} of bodies) for the socket, or holds it back when the pipe is full. */
    private boolean deliver(ZmqMessage message, long bytes) {
        if (peer.in().offerQuietly(message)) {
            delivered(bytes);
            return true;
        }
        return holdBack(message, bytes);
    }

    /** Counts a message queued for the socket, and wakes a sleeping socket early in a read. */
    private void delivered(long bytes) {
        // a socket already asleep is woken on the first message of a read and every WAKE_EVERY after, so it
        // starts at once; the full wake-up check, with its fence, comes once, at the end of the read
        if (unwokenDeliveries++ % WAKE_EVERY == 0) {
            peer.in().wakeReaderEarly();
        }
        batchMessagesIn++;
        batchBytesIn += bytes;
    }

    /** Keeps a message the full pipe refused and stops reading until the socket makes room. */
    private boolean holdBack(ZmqMessage message, long bytes) {
        pendingInbound = message;
        pendingInboundBytes = bytes;
        setInterest(SelectionKey.OP_READ, false);
        return false;
    }

    private void resumeReading() {
        if (state != State.ACTIVE || pendingInbound == null) {
            return;
        }
        if (!deliver(pendingInbound, pendingInboundBytes)) {
            return;
        }
        pendingInbound = null;
        process();
        if (pendingInbound == null && state == State.ACTIVE) {
            setInterest(SelectionKey.OP_READ, true);
        }
    }

    private void onCommand(Command c) {
        if (state == State.HANDSHAKE) {
            mechanism.onCommand(c, handshake);
            flush();
            return;
        }
        switch (c.name()) {
            case Command.PING -> {
                long ttl = c.pingTtlMillis();
                queue(c.pong());
                if (ttl > 0 && ttlTimer == null) {
                    ttlTimer = io.schedule(ttl * 1_000_000L,
                            () -> close("no traffic within the peer's heartbeat TTL of " + ttl + " ms"));
                }
                flush();
            }
            case Command.SUBSCRIBE, Command.CANCEL, Command.JOIN, Command.LEAVE -> {
                boolean on = c.is(config.subscriptionCommand(true));
                if (config.receivesSubscriptions() && (on || c.is(config.subscriptionCommand(false)))) {
                    byte[] msg = new byte[c.data().length + 1];
                    msg[0] = (byte) (on ? 1 : 0);
                    System.arraycopy(c.data(), 0, msg, 1, c.data().length);
                    deliver(ZmqMessage.of(msg), msg.length);
                }
            }
            case Command.ERROR -> close("peer sent ERROR: " + c.errorReason());
            default -> {
                // PONG only proves liveness (already noted by the read); unknown commands are ignored (RFC 37)
            }
        }
    }

    private void handshakeComplete(Metadata peerMetadata, String userId) {
        String peerType = peerMetadata.getText(Metadata.SOCKET_TYPE);
        if (peerType == null) {
            throw new ProtocolException("peer's READY has no Socket-Type property");
        }
        if (!config.type().isCompatibleWith(peerType)) {
            sendErrorAndClose("incompatible socket type: " + config.type() + " cannot talk to " + peerType);
            return;
        }
        byte[] identity = peerMetadata.get(Metadata.IDENTITY);
        if (identity != null && identity.length > 0 && identity[0] == 0) {
            throw new ProtocolException("peer's Identity starts with a zero byte");
        }
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
        }
        state = State.ACTIVE;
        sendSubscriptionCommands = config.subscribesWithCommands(peerGreeting.minor());
        peer = owner.handshakeDone(this, new PeerInfo(remote, peerType, peerGreeting.minor(), peerMetadata,
                mechanism.name(), userId));
        properties = messageProperties(peerMetadata, userId);
        preamble.addAll(owner.preamble());
        peer.in().onWritable(() -> io.execute(resumeTask));
        boolean direct = config.writesDirectly() && !mechanism.encrypts();
        peer.out().onReadable(direct ? this::writeDirectlyOrSchedule : this::scheduleWrite);
        startHeartbeats();
    }

    /** What {@link ZmqMessage#property} answers for this connection's messages. */
    private Map<String, String> messageProperties(Metadata peerMetadata, String userId) {
        Map<String, String> p = new HashMap<>();
        peerMetadata.asMap().forEach((k, v) -> p.put(k, new String(v, StandardCharsets.UTF_8)));
        p.put("Peer-Address", handshake.peerAddress());
        if (!userId.isEmpty()) {
            p.put("User-Id", userId);
        }
        return Map.copyOf(p);
    }

    private void sendErrorAndClose(String reason) {
        errorReason = reason;
        output.lock();
        try {
            commands.add(Command.error(reason));
        } finally {
            output.unlock();
        }
        state = State.ERROR_SENT;
        setInterest(SelectionKey.OP_READ, false);
    }

    // ---------------------------------------------------------------- heartbeats

    private void startHeartbeats() {
        long ivl = config.options().get(SocketOption.HEARTBEAT_IVL).toNanos();
        if (ivl > 0) {
            heartbeatTimer = io.schedule(ivl, this::heartbeat);
        }
    }

    private void heartbeat() {
        if (state != State.ACTIVE) {
            return;
        }
        long ivl = config.options().get(SocketOption.HEARTBEAT_IVL).toNanos();
        long timeout = config.options().get(SocketOption.HEARTBEAT_TIMEOUT).toNanos();
        long effectiveTimeout = timeout > 0 ? timeout : ivl;
        queue(Command.ping(config.options().get(SocketOption.HEARTBEAT_TTL).toMillis(), new byte[0]));
        if (heartbeatTimeoutTimer == null) {
            long pingAt = System.nanoTime();
            heartbeatTimeoutTimer = io.schedule(effectiveTimeout, () -> {
                heartbeatTimeoutTimer = null;
                if (lastReceivedNanos - pingAt < 0) {
                    close("heartbeat timeout: no traffic for " + effectiveTimeout / 1_000_000 + " ms after a PING");
                }
            });
        }
        heartbeatTimer = io.schedule(ivl, this::heartbeat);
        flush();
    }

    // ---------------------------------------------------------------- writing

    private void writeTaskRun() {
        writeScheduled.set(false);
        flush();
    }

    private void flush() {
        output.lock();
        try {
            flushLocked();
        } finally {
            output.unlock();
        }
    }

    private void flushLocked() {
        for (int round = 0; state != State.CLOSED; round++) {
            if (round == MAX_WRITE_ROUNDS) {
                scheduleWrite();
                return;
            }
            fill();
            ByteBuffer large = encoder.largeBody();
            if (out.position() == 0 && large == null) {
                if (state == State.ACTIVE && !encoder.busy() && !peer.out().armReader()) {
                    continue;
                }
                publishSent();
                setInterest(SelectionKey.OP_WRITE, false);
                afterDrained();
                return;
            }
            boolean blocked;
            try {
                blocked = !write(large);
            } catch (IOException e) {
                close("connection error: " + e.getMessage());
                return;
            }
            if (blocked) {
                publishSent();
                setInterest(SelectionKey.OP_WRITE, true);
                return;
            }
        }
    }

    /**
     * Writes {@link #out} and then {@code large} (the encoder's pending large body, or {@code null}) once.
     *
     * @return whether everything was written; {@code false} when the socket buffer is full
     * @throws IOException when the connection failed; what was not written stays in {@link #out}
     */
    private boolean write(ByteBuffer large) throws IOException {
        out.flip();
        try {
            if (large == null) {
                channel.write(out);
            } else {
                channel.write(new ByteBuffer[] {out, large});
            }
        } finally {
            out.compact();
        }
        if (out.position() > 0 || (large != null && large.hasRemaining())) {
            return false;
        }
        if (large != null) {
            encoder.largeBodyWritten();
        }
        return true;
    }

    /** The outbound pipe's wake-up on the sending thread (REQ, REP): write now if idle, else leave it to the I/O thread. */
    private void writeDirectlyOrSchedule() {
        if (!writeDirectly()) {
            scheduleWrite();
        }
    }

    /**
     * Application thread: encodes what the outbound pipe holds and writes it, when the connection has nothing else
     * pending (no command, nothing unwritten, not closing) and the I/O thread is not writing.
     *
     * @return {@code false} when it did not write, or left something for the I/O thread (the socket buffer was full,
     *     the write failed, a message arrived meanwhile): the caller then wakes the I/O thread, which finishes the
     *     job (or meets the error and closes the connection) as for any queued message
     */
    private boolean writeDirectly() {
        if (!output.tryLock()) {
            return false;
        }
        try {
            if (state != State.ACTIVE || lingering || out.position() != 0 || encoder.busy()
                    || encoder.largeBody() != null || !commands.isEmpty() || !preamble.isEmpty()) {
                return false;
            }
            fill();
            boolean written = write(encoder.largeBody()) && !encoder.busy();
            publishSent();
            return written && peer.out().armReader();
        } catch (IOException e) {
            return false;
        } finally {
            output.unlock();
        }
    }

    /** Encodes commands, then queued messages, into {@code out} until it is full or nothing is left. */
    private void fill() {
        while (encoder.largeBody() == null) {
            if (!encoder.busy()) {
                Command c = commands.peek();
                if (c != null && c.is(Command.MESSAGE)) {
                    // a sealed command (CURVE): it travels as a data frame, as libzmq sends it
                    commands.poll();
                    encoder.begin(ZmqMessage.of(Frame.wrap(c.toBody())));
                    continue;
                }
                if (c != null) {
                    if (out.remaining() < c.frameSize()) {
                        return;
                    }
                    c.encode(out);
                    commands.poll();
                    continue;
                }
                if (state != State.ACTIVE || out.remaining() < FrameFlags.MAX_HEADER || !beginNext()) {
                    return;
                }
                continue;
            }
            if (!encoder.encode(out)) {
                return;
            }
        }
    }

    /**
     * Takes the next outgoing message (the preamble's first) and starts encoding it, a bare one straight from its
     * bytes; a subscription to a peer that wants commands becomes one. {@code false} when nothing is queued.
     */
    private boolean beginNext() {
        Object next = preamble.isEmpty() ? peer.out().pollQuietlyBare() : preamble.poll();
        if (next == null) {
            return false;
        }
        if (next instanceof byte[] body && !mechanism.encrypts() && !sendSubscriptionCommands) {
            batchMessagesOut++;
            batchBytesOut += body.length;
            encoder.begin(body);
            return true;
        }
        ZmqMessage m = next instanceof byte[] body ? ZmqMessage.of(body) : (ZmqMessage) next;
        if (sendSubscriptionCommands && isSubscription(m)) {
            queue(subscriptionCommand(m));
            return true;
        }
        batchMessagesOut++;
        batchBytesOut += m.byteSize();
        encoder.begin(mechanism.encrypts() ? sealed(m) : m);
        return true;
    }

    /** Queues a command after the handshake: sealed in a MESSAGE when the mechanism encrypts. */
    private void queue(Command c) {
        Command sealed = mechanism.encrypts() ? mechanism.seal(CurveMechanism.COMMAND, c.toBody()) : c;
        output.lock();
        try {
            commands.add(sealed);
        } finally {
            output.unlock();
        }
    }

    /**
     * Each frame of {@code m} sealed in a MESSAGE command (CURVE). As libzmq does, the sealed commands travel as data
     * frames, with the MORE flag of the frames they carry.
     */
    private ZmqMessage sealed(ZmqMessage m) {
        List<Frame> out = new ArrayList<>(m.size());
        for (int i = 0; i < m.size(); i++) {
            int flags = i + 1 < m.size() ? CurveMechanism.MORE : 0;
            out.add(Frame.wrap(mechanism.seal(flags, m.frame(i).data()).toBody()));
        }
        return ZmqMessage.of(out);
    }

    private static boolean isSubscription(ZmqMessage m) {
        if (m.size() != 1 || m.first().isEmpty()) {
            return false;
        }
        byte b = m.data(0)[0];
        return b == 0 || b == 1;
    }

    private Command subscriptionCommand(ZmqMessage m) {
        byte[] d = m.data(0);
        byte[] topic = new byte[d.length - 1];
        System.arraycopy(d, 1, topic, 0, topic.length);
        return new Command(config.subscriptionCommand(d[0] == 1), topic);
    }

    private void afterDrained() {
        if (state == State.ERROR_SENT) {
            close(errorReason);
        } else if (lingering && state == State.ACTIVE && !encoder.busy() && peer.out().isEmpty()
                && preamble.isEmpty()) {
            owner.drained(this);
        }
    }

    private void setInterest(int op, boolean on) {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = key.interestOps();
        int next = on ? ops | op : ops & ~op;
        if (next != ops) {
            key.interestOps(next);
        }
    }

    // ---------------------------------------------------------------- closing

    /** Closes the connection now and tells the owner why. I/O thread only; does nothing when already closed. */
    public void close(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        boolean handshaken = state == State.ACTIVE;
        state = State.CLOSED;
        for (IoTimer t : new IoTimer[] {handshakeTimer, heartbeatTimer, heartbeatTimeoutTimer, ttlTimer}) {
            if (t != null) {
                t.cancel();
            }
        }
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the connection is gone either way
        }
        if (peer != null) {
            peer.out().onReadable(null);
            peer.in().onWritable(null);
        }
        owner.engineClosed(this, reason, handshaken);
    }

    @Override
    public String toString() {
        return "StreamEngine[" + remote + "]";
    }

    /** The mechanism's view of this connection during the handshake. */
    private final class Handshake implements HandshakeChannel {

        @Override
        public void send(Command command) {
            commands.add(command);
        }

        @Override
        public void completed(Metadata peerMetadata, String userId) {
            handshakeComplete(peerMetadata, userId);
        }

        @Override
        public void refuse(String reason) {
            sendErrorAndClose(reason);
        }

        @Override
        public void onIoThread(Runnable task) {
            io.execute(() -> {
                if (state != State.HANDSHAKE) {
                    return;
                }
                try {
                    task.run();
                } catch (ProtocolException e) {
                    close(e.getMessage());
                    return;
                }
                flush();
            });
        }

        @Override
        public String peerAddress() {
            int scheme = remote.indexOf("://");
            String rest = scheme < 0 ? remote : remote.substring(scheme + 3);
            if (!remote.startsWith("tcp://")) {
                return "";
            }
            int colon = rest.lastIndexOf(':');
            String host = colon < 0 ? rest : rest.substring(0, colon);
            return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        }
    }
}
