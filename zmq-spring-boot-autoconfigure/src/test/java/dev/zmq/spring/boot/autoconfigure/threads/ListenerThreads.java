package dev.zmq.spring.boot.autoconfigure.threads;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.boot.autoconfigure.ZmqContextAutoConfiguration;
import dev.zmq.spring.boot.autoconfigure.ZmqListenerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** Shared by the thread tests: a context with a listener (concurrency 2) that records the threads it runs on. */
final class ListenerThreads {

    private ListenerThreads() {
    }

    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                ZmqContextAutoConfiguration.class, ZmqListenerAutoConfiguration.class))
                .withUserConfiguration(Config.class);
    }

    /** Sends a few messages to the listener and returns the threads that handled them. */
    static List<Thread> handlingThreads(org.springframework.context.ApplicationContext ctx) {
        Recorder recorder = ctx.getBean(Recorder.class);
        ZmqSocket push = ctx.getBean(ZmqContext.class).socket(SocketType.PUSH);
        push.connect("inproc://threads");
        for (int i = 0; i < 4; i++) {
            push.send("m" + i);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.threads.size() == 4);
        return recorder.threads;
    }

    /** Whether {@code t} is virtual ({@code Thread.isVirtual()} exists from Java 21 on; the bytecode is Java 17's). */
    static boolean isVirtual(Thread t) {
        try {
            return (boolean) Thread.class.getMethod("isVirtual").invoke(t);
        } catch (NoSuchMethodException java17) {
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static class Recorder {
        final List<Thread> threads = new CopyOnWriteArrayList<>();

        @ZmqListener(id = "threads", type = "PULL", bind = "inproc://threads", concurrency = "2")
        void on(String text) {
            threads.add(Thread.currentThread());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {
        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }
}
