package dev.zmq.io;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class IoThreadTest {

    private final IoThread io = new IoThread("io-test");

    @AfterEach
    void tearDown() {
        io.close();
    }

    private static Pipe readablePipe() throws IOException {
        Pipe p = Pipe.open();
        p.source().configureBlocking(false);
        p.sink().write(ByteBuffer.wrap(new byte[] {1}));
        return p;
    }

    @Test
    void anErrorThrownByOneHandlerEndsThatHandlerAloneAndTheLoopServesTheOthers() throws Exception {
        Pipe failing = readablePipe();
        Pipe healthy = readablePipe();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch failed = new CountDownLatch(1);
        CountDownLatch healthyRead = new CountDownLatch(1);
        IoHandler throwing = new IoHandler() {
            @Override
            public void onReady(SelectionKey key) {
                throw new OutOfMemoryError("Java heap space (thrown by the test)");
            }

            @Override
            public void failed(SelectionKey key, Throwable error) {
                failure.set(error);
                IoHandler.super.failed(key, error);
                failed.countDown();
            }
        };
        IoHandler reading = key -> {
            try {
                ((Pipe.SourceChannel) key.channel()).read(ByteBuffer.allocate(16));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            healthyRead.countDown();
        };
        io.execute(() -> {
            try {
                io.register(failing.source(), SelectionKey.OP_READ, throwing);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(failure.get()).isInstanceOf(OutOfMemoryError.class);
        assertThat(failing.source().isOpen()).as("the default failure handling closes the channel").isFalse();
        io.execute(() -> {
            try {
                io.register(healthy.source(), SelectionKey.OP_READ, reading);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(healthyRead.await(10, TimeUnit.SECONDS)).as("the loop serves other channels on").isTrue();
        CompletableFuture<Boolean> task = new CompletableFuture<>();
        io.execute(() -> task.complete(IoThread.isIoThread()));
        assertThat(task.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void outputBuffersAreReusedAndTheirNumberKeptIsBounded() {
        BufferPool pool = io.outputBuffers();
        ByteBuffer first = pool.take();
        first.put((byte) 7);
        pool.give(first);
        ByteBuffer again = pool.take();
        assertThat(again).isSameAs(first);
        assertThat(again.position()).as("a reused buffer comes back cleared").isZero();
        assertThat(again.isDirect()).isTrue();
        assertThat(again.capacity()).isEqualTo(IoThread.BUFFER_SIZE);
        for (int i = 0; i < 100; i++) {
            pool.give(ByteBuffer.allocateDirect(IoThread.BUFFER_SIZE));
        }
        assertThat(pool.idleCount()).isLessThanOrEqualTo(32);
    }
}
