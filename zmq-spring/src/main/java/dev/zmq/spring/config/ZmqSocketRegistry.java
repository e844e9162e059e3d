package dev.zmq.spring.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The named sockets of the application (from {@code zmq.sockets}), by name. Immutable and thread-safe.
 */
public final class ZmqSocketRegistry {

    private final Map<String, ZmqSocketSpec> specs = new LinkedHashMap<>();

    /** A registry of {@code specs}, each under its name. */
    public ZmqSocketRegistry(Iterable<ZmqSocketSpec> specs) {
        specs.forEach(s -> this.specs.put(s.name(), s));
    }

    /**
     * The socket named {@code name}.
     *
     * @throws IllegalArgumentException naming the known sockets when there is none by that name
     */
    public ZmqSocketSpec get(String name) {
        ZmqSocketSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no socket named '" + name + "' under zmq.sockets (configured: "
                    + specs.keySet() + ")");
        }
        return spec;
    }

    /** The configured names, in configuration order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(specs.keySet());
    }
}
