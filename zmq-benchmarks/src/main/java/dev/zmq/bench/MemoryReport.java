package dev.zmq.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a many-peers listener holds, printed as {@code WHAT RSS_KB HEAP_KB} for {@code many-peers.py}: the process's
 * resident set (VmRSS) and the live heap after a full GC. Run the JVM with a pre-touched heap ({@code -Xms1g
 * -Xmx1g -XX:+AlwaysPreTouch}) so that heap growth shows in the heap figure alone. Stateless.
 */
final class MemoryReport {

    private MemoryReport() {
    }

    /** Collects garbage and prints one line. */
    static void print(String what) throws IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "%s %d %d%n", what, residentKb(), heap / 1024);
        System.out.flush();
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
