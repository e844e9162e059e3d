package dev.zmq.io;

import dev.zmq.ErrorCode;
import dev.zmq.SocketOption;
import dev.zmq.SocketOptions;
import dev.zmq.SocketType;
import dev.zmq.ZmqException;
import dev.zmq.security.CurveMechanism;
import dev.zmq.security.Mechanism;
import dev.zmq.security.NullMechanism;
import dev.zmq.security.PlainMechanism;
import dev.zmq.security.Zap;
import dev.zmq.wire.Command;
import dev.zmq.wire.Metadata;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a connection needs to know about its socket: type, the option values in force when it started, and how to
 * make its security mechanism. Immutable and thread-safe.
 *
 * @param type    the socket's type
 * @param options a snapshot of the socket's options
 * @param name    the socket's description for events and errors
 * @param zap     the context's link to its ZAP handler, for servers that authenticate
 */
public record ConnectionConfig(SocketType type, SocketOptions options, String name, Zap zap) {

    /** Our READY metadata: Socket-Type, and Identity for REQ, DEALER and ROUTER or when a routing id is set. */
    public Metadata readyMetadata() {
        Map<String, byte[]> props = new LinkedHashMap<>();
        props.put(Metadata.SOCKET_TYPE, type.wireName().getBytes(StandardCharsets.US_ASCII));
        byte[] id = options.get(SocketOption.ROUTING_ID);
        if (id.length > 0 || type.announcesIdentity()) {
            props.put(Metadata.IDENTITY, id);
        }
        return Metadata.of(props);
    }

    /** A fresh mechanism instance for one connection: CURVE or PLAIN server or client when configured, else NULL. */
    public Mechanism newMechanism() {
        if (options.get(SocketOption.CURVE_SERVER)) {
            return CurveMechanism.server(readyMetadata(), options.get(SocketOption.CURVE_SECRETKEY), zap,
                    options.get(SocketOption.ZAP_DOMAIN));
        }
        if (options.get(SocketOption.CURVE_SERVERKEY).length == 32) {
            return CurveMechanism.client(readyMetadata(), options.get(SocketOption.CURVE_PUBLICKEY),
                    options.get(SocketOption.CURVE_SECRETKEY), options.get(SocketOption.CURVE_SERVERKEY));
        }
        if (options.get(SocketOption.PLAIN_SERVER)) {
            return PlainMechanism.server(readyMetadata(), zap, options.get(SocketOption.ZAP_DOMAIN));
        }
        if (!options.get(SocketOption.PLAIN_USERNAME).isEmpty()) {
            return PlainMechanism.client(readyMetadata(), options.get(SocketOption.PLAIN_USERNAME),
                    options.get(SocketOption.PLAIN_PASSWORD));
        }
        return new NullMechanism(readyMetadata());
    }

    /**
     * Checks the security options fit together, so a bind or connect fails now rather than each connection later.
     *
     * @throws dev.zmq.ZmqException EINVAL naming what is missing, ENOTSUP when CURVE is set and BouncyCastle is not
     *     on the class path
     */
    public void validateSecurity() {
        boolean curve = options.get(SocketOption.CURVE_SERVER) || options.get(SocketOption.CURVE_SERVERKEY).length > 0;
        if (curve) {
            CurveMechanism.requireProvider();
        }
        if (options.get(SocketOption.CURVE_SERVER) && options.get(SocketOption.CURVE_SECRETKEY).length != 32) {
            throw new ZmqException(ErrorCode.EINVAL, name + ": CURVE_SERVER needs a 32-byte "
                    + "CURVE_SECRETKEY");
        }
    }

    /**
     * Whether the sending thread writes to a connection with nothing pending itself, however recently it wrote,
     * instead of handing the message to the I/O thread: for REQ and REP, whose strict request-reply keeps one message
     * in flight per connection, so a send is never one of a stream the I/O thread could batch, and the hand-off would
     * only add a thread wake-up to every round trip. (Other types write directly only to a connection idle for a
     * while; see the engine's outbound side.)
     */
    public boolean writesDirectly() {
        return type == SocketType.REQ || type == SocketType.REP;
    }

    /** Whether this socket sends subscriptions or joins upstream (SUB, XSUB, DISH). */
    public boolean sendsSubscriptions() {
        return type == SocketType.SUB || type == SocketType.XSUB || type == SocketType.DISH;
    }

    /** Whether this socket receives subscriptions or joins from downstream (PUB, XPUB, RADIO). */
    public boolean receivesSubscriptions() {
        return type == SocketType.PUB || type == SocketType.XPUB || type == SocketType.RADIO;
    }

    /**
     * The command that carries a subscription ({@code on}) or its cancellation on the wire: JOIN/LEAVE for RADIO and
     * DISH, SUBSCRIBE/CANCEL for the others.
     */
    public String subscriptionCommand(boolean on) {
        boolean groups = type == SocketType.RADIO || type == SocketType.DISH;
        return groups ? (on ? Command.JOIN : Command.LEAVE) : (on ? Command.SUBSCRIBE : Command.CANCEL);
    }

    /**
     * Whether subscriptions go to a peer speaking ZMTP 3.{@code peerMinor} as commands rather than as messages: for
     * 3.1 peers (RFC 37), and always for DISH (JOIN and LEAVE have no message form).
     */
    public boolean subscribesWithCommands(int peerMinor) {
        return sendsSubscriptions() && (peerMinor >= 1 || type == SocketType.DISH);
    }
}
