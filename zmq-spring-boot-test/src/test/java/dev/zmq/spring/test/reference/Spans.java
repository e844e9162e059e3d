package dev.zmq.spring.test.reference;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the spans Brave finishes, for the tracing page's tests. */
public class Spans extends SpanHandler {

    private final List<MutableSpan> finished = new CopyOnWriteArrayList<>();

    @Override
    public boolean end(TraceContext context, MutableSpan span, Cause cause) {
        finished.add(span);
        return true;
    }

    /** The finished span called {@code name}, if any yet. */
    Optional<MutableSpan> named(String name) {
        return finished.stream().filter(s -> name.equals(s.name())).findFirst();
    }
}
