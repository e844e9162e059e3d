package dev.zmq.io;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The I/O loop: tasks and wake-ups from other threads, timers in deadline order, cancel, close, a failing handler. */
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

    @Test
    void aTaskFromAnotherThreadWakesALoopBlockedInSelect() throws Exception {
        // nothing registered and no timer: the loop sleeps in select() until execute() wakes it
        CompletableFuture<String> ran = new CompletableFuture<>();
        io.execute(() -> ran.complete(Thread.currentThread().getName()));
        assertThat(ran.get(10, TimeUnit.SECONDS)).isEqualTo("io-test");
        CompletableFuture<Boolean> second = new CompletableFuture<>();
        io.execute(() -> second.complete(IoThread.isIoThread()));
        assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(IoThread.isIoThread()).as("the test thread is not an I/O thread").isFalse();
    }

    @Test
    void timersRunInDeadlineOrderOnTheLoopAndACancelledOneNever() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        io.execute(() -> {
            io.schedule(TimeUnit.MILLISECONDS.toNanos(60), () -> {
                order.add("late");
                done.countDown();
            });
            IoTimer cancelled = io.schedule(TimeUnit.MILLISECONDS.toNanos(20), () -> order.add("cancelled"));
            io.schedule(TimeUnit.MILLISECONDS.toNanos(10), () -> order.add("early"));
            io.schedule(0, () -> order.add("due at once"));
            cancelled.cancel();
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("due at once", "early", "late");
    }

    @Test
    void aTimerScheduledByATimerRunsToo() throws Exception {
        CountDownLatch chained = new CountDownLatch(3);
        Runnable[] step = new Runnable[1];
        step[0] = () -> {
            chained.countDown();
            if (chained.getCount() > 0) {
                io.schedule(TimeUnit.MILLISECONDS.toNanos(1), step[0]);
            }
        };
        io.execute(() -> io.schedule(TimeUnit.MILLISECONDS.toNanos(1), step[0]));
        assertThat(chained.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailingTaskOrTimerDoesNotStopTheLoop() throws Exception {
        io.execute(() -> {
            throw new IllegalStateException("task failure (thrown by the test)");
        });
        io.execute(() -> io.schedule(0, () -> {
            throw new IllegalStateException("timer failure (thrown by the test)");
        }));
        CompletableFuture<Boolean> after = new CompletableFuture<>();
        io.execute(() -> io.schedule(TimeUnit.MILLISECONDS.toNanos(5), () -> after.complete(true)));
        assertThat(after.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closeClosesTheChannelsStillRegistered() throws Exception {
        Pipe p = Pipe.open();
        p.source().configureBlocking(false);
        CountDownLatch registered = new CountDownLatch(1);
        io.execute(() -> {
            try {
                io.register(p.source(), SelectionKey.OP_READ, key -> { });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            registered.countDown();
        });
        assertThat(registered.await(10, TimeUnit.SECONDS)).isTrue();
        io.close();
        assertThat(p.source().isOpen()).isFalse();
        p.sink().close();
    }
}
