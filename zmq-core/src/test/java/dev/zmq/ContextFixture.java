package dev.zmq;

import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

/** What most socket tests start from: a context of their own, closed after each test, and how long to wait. */
public abstract class ContextFixture {

    /** The longest a test waits for something that should happen. */
    protected static final Duration WAIT = Duration.ofSeconds(10);

    /** The test's context. */
    protected final ZmqContext ctx = new ZmqContext();

    /** Closes the test's context and every socket still open in it. */
    @AfterEach
    protected void closeContext() {
        ctx.close();
    }
}
