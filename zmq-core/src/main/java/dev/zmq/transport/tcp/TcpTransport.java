package dev.zmq.transport.tcp;

import dev.zmq.ErrorCode;
import dev.zmq.SocketOption;
import dev.zmq.SocketOptions;
import dev.zmq.ZmqException;
import dev.zmq.io.StreamTransport;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

import jdk.net.ExtendedSocketOptions;
import org.jspecify.annotations.Nullable;

/**
 * {@code tcp://} endpoints: IPv4 and IPv6 hosts, {@code *} for every interface, an interface name to bind (e.g.
 * {@code tcp://lo:5555}), {@code *} or 0 for an ephemeral port. Connections get TCP_NODELAY and, when asked,
 * TCP keepalive. Stateless and thread-safe.
 */
public final class TcpTransport implements StreamTransport {

    @Override
    public String scheme() {
        return "tcp";
    }

    @Override
    public ServerSocketChannel bind(String address) {
        TcpAddress a = TcpAddress.parse(address, true);
        InetSocketAddress local;
        try {
            local = new InetSocketAddress(a.anyHost() ? InetAddress.getByName("0.0.0.0") : bindHost(a.host()), a.port());
        } catch (IOException e) {
            throw new ZmqException(ErrorCode.EADDRNOTAVAIL, "cannot bind tcp://" + address + ": unknown host '"
                    + a.host() + "'", e);
        }
        ServerSocketChannel ch = null;
        try {
            ch = ServerSocketChannel.open();
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(local, 128);
            ch.configureBlocking(false);
            return ch;
        } catch (IOException e) {
            closeQuietly(ch);
            ErrorCode code = e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")
                    ? ErrorCode.EADDRINUSE : ErrorCode.EADDRNOTAVAIL;
            throw new ZmqException(code, "cannot bind tcp://" + address + ": " + e.getMessage(), e);
        }
    }

    /** A bind host: an interface name (e.g. {@code lo}, {@code eth0}: its first IPv4 address), or a host or IP. */
    private static InetAddress bindHost(String host) throws IOException {
        NetworkInterface nic = host.matches("[A-Za-z][\\w.-]*") ? NetworkInterface.getByName(host) : null;
        if (nic != null) {
            return nic.inetAddresses().filter(ip -> ip instanceof Inet4Address).findFirst()
                    .or(() -> nic.inetAddresses().findFirst())
                    .orElseThrow(() -> new IOException("interface " + host + " has no address"));
        }
        return InetAddress.getByName(host);
    }

    @Override
    public String boundEndpoint(ServerSocketChannel channel) throws IOException {
        return endpointOf((InetSocketAddress) channel.getLocalAddress());
    }

    @Override
    public void validateBind(String address) {
        TcpAddress.parse(address, true);
    }

    @Override
    public void validateConnect(String address) {
        TcpAddress.parse(address, false);
    }

    @Override
    public SocketAddress resolve(String address) throws IOException {
        TcpAddress a = TcpAddress.parse(address, false);
        return new InetSocketAddress(InetAddress.getByName(a.host()), a.port());
    }

    @Override
    public SocketChannel open(SocketAddress target) throws IOException {
        return SocketChannel.open();
    }

    @Override
    public void configure(SocketChannel channel, SocketOptions options) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        int keepalive = options.get(SocketOption.TCP_KEEPALIVE);
        if (keepalive >= 0) {
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, keepalive == 1);
        }
        if (keepalive == 1) {
            setIfPositive(channel, ExtendedSocketOptions.TCP_KEEPIDLE,
                    (int) options.get(SocketOption.TCP_KEEPALIVE_IDLE).toSeconds());
            setIfPositive(channel, ExtendedSocketOptions.TCP_KEEPINTERVAL,
                    (int) options.get(SocketOption.TCP_KEEPALIVE_INTVL).toSeconds());
            setIfPositive(channel, ExtendedSocketOptions.TCP_KEEPCOUNT, options.get(SocketOption.TCP_KEEPALIVE_CNT));
        }
    }

    private static void setIfPositive(SocketChannel channel, java.net.SocketOption<Integer> option, int value)
            throws IOException {
        if (value > 0 && channel.supportedOptions().contains(option)) {
            channel.setOption(option, value);
        }
    }

    @Override
    public String describeRemote(SocketChannel channel) {
        try {
            return endpointOf((InetSocketAddress) channel.getRemoteAddress());
        } catch (IOException | RuntimeException e) {
            return "tcp://?";
        }
    }

    private static String endpointOf(InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        String host = ip instanceof Inet6Address ? "[" + compress(ip.getHostAddress()) + "]" : ip.getHostAddress();
        return "tcp://" + host + ":" + a.getPort();
    }

    /** RFC 5952 text of an IPv6 address: the longest run of two or more zero groups becomes {@code ::}. */
    static String compress(String ipv6) {
        int zone = ipv6.indexOf('%');
        String addr = zone < 0 ? ipv6 : ipv6.substring(0, zone);
        String[] groups = addr.split(":", -1);
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        if (bestStart < 0) {
            return ipv6;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail + (zone < 0 ? "" : ipv6.substring(zone));
    }

    private static void closeQuietly(@Nullable ServerSocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
