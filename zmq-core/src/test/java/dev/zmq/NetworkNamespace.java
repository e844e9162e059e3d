package dev.zmq;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace made for one test, joined to this one by a veth link whose near end can be taken down and up
 * again: a network cut without touching any real interface. Needs root and iproute2 ({@link #available()}).
 */
public final class NetworkNamespace implements AutoCloseable {

    private final String name;
    private final String nearLink;
    private final String nearAddress;
    private final String farAddress;

    private NetworkNamespace(String name, String nearLink, String nearAddress, String farAddress) {
        this.name = name;
        this.nearLink = nearLink;
        this.nearAddress = nearAddress;
        this.farAddress = farAddress;
    }

    /** Whether namespaces can be made here (root with iproute2). */
    public static boolean available() {
        try {
            return run("ip", "netns", "list") && "root".equals(System.getProperty("user.name"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Makes a namespace with a /30 link to this one. */
    public static NetworkNamespace create() throws IOException {
        int n = ThreadLocalRandom.current().nextInt(1, 250);
        String name = "zmqtest" + n;
        String near = "zq" + n + "a";
        String far = "zq" + n + "b";
        String nearAddress = "10.213." + n + ".1";
        String farAddress = "10.213." + n + ".2";
        NetworkNamespace ns = new NetworkNamespace(name, near, nearAddress, farAddress);
        try {
            for (List<String> cmd : List.of(
                    List.of("ip", "netns", "add", name),
                    List.of("ip", "link", "add", near, "type", "veth", "peer", "name", far),
                    List.of("ip", "link", "set", far, "netns", name),
                    List.of("ip", "addr", "add", nearAddress + "/30", "dev", near),
                    List.of("ip", "link", "set", near, "up"),
                    List.of("ip", "netns", "exec", name, "ip", "addr", "add", farAddress + "/30", "dev", far),
                    List.of("ip", "netns", "exec", name, "ip", "link", "set", far, "up"),
                    List.of("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up"))) {
                if (!run(cmd.toArray(new String[0]))) {
                    throw new IOException("failed: " + String.join(" ", cmd));
                }
            }
        } catch (IOException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** The namespace's name, for {@code ip netns exec}. */
    public String name() {
        return name;
    }

    /** The address of the far end, inside the namespace. */
    public String farAddress() {
        return farAddress;
    }

    /** Takes the near end of the link down (a cut: packets vanish, nobody is told) or up again. */
    public void link(boolean up) throws IOException {
        if (!run("ip", "link", "set", nearLink, up ? "up" : "down")) {
            throw new IOException("cannot set " + nearLink + (up ? " up" : " down"));
        }
        if (up && !run("ip", "addr", "replace", nearAddress + "/30", "dev", nearLink)) {
            throw new IOException("cannot re-address " + nearLink);
        }
    }

    @Override
    public void close() throws IOException {
        run("ip", "link", "del", nearLink);
        run("ip", "netns", "del", name);
    }

    private static boolean run(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            p.getInputStream().readAllBytes();
            return p.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + String.join(" ", cmd), e);
        }
    }
}
