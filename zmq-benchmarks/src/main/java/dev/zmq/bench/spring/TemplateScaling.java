package dev.zmq.bench.spring;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.support.ZmqSocketSpec;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.support.ZmqMessageConverter;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** {@code ZmqTemplate.convertAndSend} from 1, 2 and 8 threads at once into one PUSH socket; a raw PULL counts. */
final class TemplateScaling {

    private TemplateScaling() {
    }

    static void run(int port, long messages) throws InterruptedException {
        try (ZmqContext context = new ZmqContext()) {
            ZmqSocket pull = context.socket(SocketType.PULL);
            pull.bind("tcp://127.0.0.1:" + port);
            AtomicLong received = new AtomicLong();
            Thread receiver = new Thread(() -> {
                try {
                    while (true) {
                        pull.recv();
                        received.incrementAndGet();
                    }
                } catch (dev.zmq.ZmqException closed) {
                    // done
                }
            });
            receiver.setDaemon(true);
            receiver.start();
            ZmqTemplate template = new ZmqTemplate(context, new ZmqSocketRegistry(List.of(new ZmqSocketSpec("out",
                    SocketType.PUSH, List.of(), List.of("tcp://127.0.0.1:" + port), List.of(), List.of()))),
                    new ZmqMessageConverter(new JsonMapper()));
            sendFrom(template, 2, messages / 3, received);
            for (int threads : new int[] {1, 2, 8}) {
                double rate = sendFrom(template, threads, messages, received);
                System.out.printf(Locale.ROOT, "template %d threads: %.0f msg/s%n", threads, rate);
            }
            template.destroy();
        }
    }

    private static double sendFrom(ZmqTemplate template, int threads, long messages, AtomicLong received)
            throws InterruptedException {
        long base = received.get();
        long each = messages / threads;
        List<Thread> senders = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread s = new Thread(() -> {
                for (long i = 0; i < each; i++) {
                    template.convertAndSend("out", SpringListenerBench.PAYLOAD);
                }
            });
            s.start();
            senders.add(s);
        }
        for (Thread s : senders) {
            s.join();
        }
        while (received.get() < base + each * threads) {
            Thread.sleep(1);
        }
        return each * threads / ((System.nanoTime() - start) / 1e9);
    }
}
