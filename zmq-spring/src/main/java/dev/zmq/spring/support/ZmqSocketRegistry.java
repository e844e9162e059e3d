package dev.zmq.spring.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The sockets of the application by name: the named ones (from {@code zmq.sockets}) and, as listeners declare them,
 * the inline ones of {@code @ZmqListener} methods (named by listener id). It may map every endpoint (test support
 * moves them all to {@code inproc://} this way). Thread-safe.
 */
public final class ZmqSocketRegistry {

    private final Map<String, ZmqSocketSpec> specs = new LinkedHashMap<>();
    private final Map<String, ZmqSocketSpec> inline = new ConcurrentHashMap<>();
    private final UnaryOperator<String> endpoints;

    /** A registry of {@code specs}, each under its name. */
    public ZmqSocketRegistry(Iterable<ZmqSocketSpec> specs) {
        this(specs, UnaryOperator.identity());
    }

    private ZmqSocketRegistry(Iterable<ZmqSocketSpec> specs, UnaryOperator<String> endpoints) {
        this.endpoints = endpoints;
        specs.forEach(s -> this.specs.put(s.name(), s.withEndpoints(endpoints)));
    }

    /**
     * A registry of the same named sockets whose endpoints, and those of every inline socket it is given later, are
     * {@code mapping}'s answers for the configured ones.
     */
    public ZmqSocketRegistry withEndpoints(UnaryOperator<String> mapping) {
        return new ZmqSocketRegistry(specs.values(), e -> mapping.apply(endpoints.apply(e)));
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

    /** {@code spec} with its endpoints as this registry maps them (unchanged unless test support maps them). */
    public ZmqSocketSpec mapped(ZmqSocketSpec spec) {
        return spec.withEndpoints(endpoints);
    }

    /**
     * Records an inline listener socket under its name, once its listener exists, so {@link #find} knows it (test
     * support addresses inline listeners this way). Give it {@link #mapped} specs.
     */
    public void recordInline(ZmqSocketSpec spec) {
        inline.put(spec.name(), spec);
    }

    /** The named socket, or else the inline listener socket, called {@code name}. */
    public Optional<ZmqSocketSpec> find(String name) {
        return Optional.ofNullable(specs.getOrDefault(name, inline.get(name)));
    }

    /** The configured names, in configuration order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(specs.keySet());
    }
}
