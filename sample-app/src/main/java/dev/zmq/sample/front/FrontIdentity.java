package dev.zmq.sample.front;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This front's id, the topic workers publish its responses under, and request ids unique to it. Thread-safe.
 */
@Component
@Profile("!worker")
public class FrontIdentity {

    private final String id;
    private final AtomicLong requests = new AtomicLong();

    public FrontIdentity(@Value("${sample.front-id:}") String configured) {
        this.id = configured.isBlank() ? "front-" + UUID.randomUUID().toString().substring(0, 8) : configured;
    }

    /** The front's id. */
    public String id() {
        return id;
    }

    /** A new request id. */
    public String nextRequestId() {
        return id + "-" + requests.incrementAndGet();
    }
}
