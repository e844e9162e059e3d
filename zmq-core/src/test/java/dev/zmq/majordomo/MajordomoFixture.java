package dev.zmq.majordomo;

import dev.zmq.ContextFixture;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Majordomo tests share: threads for workers and clients, and brokers, workers and clients closed after each
 * test, newest first, before the context closes.
 */
abstract class MajordomoFixture extends ContextFixture {

    /** Runs workers' loops and clients' calls. */
    protected final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** {@code c}, closed after the test. */
    protected <T extends AutoCloseable> T closing(T c) {
        toClose.add(c);
        return c;
    }
}
