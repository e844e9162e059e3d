package dev.zmq.transport.udp;

import dev.zmq.ErrorCode;
import dev.zmq.ZmqException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * A {@code udp://} address as libzmq writes it: {@code host:port} (a unicast peer, a local address to bind, or a
 * multicast group), {@code *:port} (every interface, bind only) or {@code iface;group:port} (a multicast group on
 * one interface, named or given by an address of it). Immutable; {@link #parse} throws {@link ZmqException}
 * ({@link ErrorCode#EINVAL}) naming what is wrong.
 *
 * @param networkInterface the multicast interface, or {@code null} for the system's choice
 * @param host             the resolved host, or {@code null} for {@code *}
 * @param port             the port
 */
public record UdpAddress(@Nullable NetworkInterface networkInterface, @Nullable InetAddress host, int port) {

    /** Parses and resolves {@code address} (the part after {@code udp://}). */
    public static UdpAddress parse(String address) {
        String rest = address;
        NetworkInterface nif = null;
        int semicolon = address.indexOf(';');
        if (semicolon >= 0) {
            nif = networkInterface(address, address.substring(0, semicolon));
            rest = address.substring(semicolon + 1);
        }
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw invalid(address, "expected host:port");
        }
        String hostText = rest.substring(0, colon);
        if (hostText.startsWith("[") && hostText.endsWith("]")) {
            hostText = hostText.substring(1, hostText.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(rest.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw invalid(address, "port '" + rest.substring(colon + 1) + "' is not a number");
        }
        if (port <= 0 || port > 65535) {
            throw invalid(address, "port " + port + " is out of range");
        }
        InetAddress host = null;
        if (!hostText.equals("*")) {
            try {
                host = InetAddress.getByName(hostText);
            } catch (UnknownHostException e) {
                throw invalid(address, "unknown host '" + hostText + "'");
            }
        }
        if (nif != null && (host == null || !host.isMulticastAddress())) {
            throw invalid(address, "an interface (before ';') goes with a multicast group only");
        }
        return new UdpAddress(nif, host, port);
    }

    private static NetworkInterface networkInterface(String address, String name) {
        try {
            NetworkInterface nif = NetworkInterface.getByName(name);
            if (nif == null) {
                nif = NetworkInterface.getByInetAddress(InetAddress.getByName(name));
            }
            if (nif == null) {
                throw invalid(address, "no network interface '" + name + "'");
            }
            return nif;
        } catch (SocketException | UnknownHostException e) {
            throw invalid(address, "no network interface '" + name + "': " + e.getMessage());
        }
    }

    /** Whether the host is a multicast group. */
    public boolean isMulticast() {
        return host != null && host.isMulticastAddress();
    }

    /** The socket address to send to or bind (every interface for {@code *} and for a multicast group). */
    public InetSocketAddress socketAddress() {
        return host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    /** The protocol family of the host (IPv4 for {@code *}). */
    public StandardProtocolFamily family() {
        return host instanceof java.net.Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    /** The interface to use for the multicast group: the one given, else the first multicast-capable one up. */
    public NetworkInterface multicastInterface() throws IOException {
        if (networkInterface != null) {
            return networkInterface;
        }
        for (NetworkInterface nif : NetworkInterface.networkInterfaces().toList()) {
            if (nif.isUp() && nif.supportsMulticast() && !nif.isLoopback()) {
                return nif;
            }
        }
        NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        if (loopback == null) {
            throw new IOException("no interface for multicast group "
                    + (host == null ? "*" : host.getHostAddress()));
        }
        return loopback;
    }

    private static ZmqException invalid(String address, String why) {
        return new ZmqException(ErrorCode.EINVAL, "malformed endpoint 'udp://" + address + "': " + why);
    }
}
