package dev.zmq.spring.config;

import dev.zmq.spring.listener.MessageListenerContainer;
import dev.zmq.spring.listener.ZmqListenerContainer;
import dev.zmq.spring.metrics.ListenerStatistics;
import dev.zmq.spring.metrics.ListenerStatisticsSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Holds every listener container by id and runs their lifecycle: starts the auto-startup ones with the application,
 * stops all of them (in parallel, each finishing its messages) before the context closes; the lifecycle's
 * asynchronous stop lets {@code spring.lifecycle.timeout-per-shutdown-phase} bound the whole phase. Use it to stop and start
 * listeners at runtime: {@code registry.getListenerContainer("orders").stop()}.
 *
 * <p>Thread-safe. {@link #registerListenerContainer} throws {@link IllegalStateException} for a duplicate id.
 */
public class ZmqListenerEndpointRegistry implements SmartLifecycle, DisposableBean, ListenerStatisticsSource {

    private final Map<String, MessageListenerContainer> containers = new LinkedHashMap<>();
    private final List<Consumer<MessageListenerContainer>> registrationListeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    /**
     * Calls {@code listener} with every container registered so far and with each one registered from now on (for
     * meters that must cover listeners of beans created later).
     */
    public void forEachContainer(Consumer<MessageListenerContainer> listener) {
        synchronized (containers) {
            registrationListeners.add(listener);
            containers.values().forEach(listener);
        }
    }

    @Override
    public void forEachListener(Consumer<? super ListenerStatistics> action) {
        forEachContainer(action::accept);
    }

    /** Adds a container; it starts at once when the registry runs and the container starts automatically. */
    public void registerListenerContainer(MessageListenerContainer container) {
        synchronized (containers) {
            if (containers.putIfAbsent(container.getId(), container) != null) {
                throw new IllegalStateException("two ZeroMQ listeners have the id '" + container.getId()
                        + "'; give each @ZmqListener a unique id");
            }
            registrationListeners.forEach(l -> l.accept(container));
        }
        if (running && container.isAutoStartup()) {
            container.start();
        }
    }

    /** The container with this id, or {@code null}. */
    public @Nullable MessageListenerContainer getListenerContainer(String id) {
        synchronized (containers) {
            return containers.get(id);
        }
    }

    /** Every container. */
    public Collection<MessageListenerContainer> getListenerContainers() {
        synchronized (containers) {
            return List.copyOf(containers.values());
        }
    }

    /** Every listener id. */
    public Set<String> getListenerContainerIds() {
        synchronized (containers) {
            return Set.copyOf(containers.keySet());
        }
    }

    @Override
    public void start() {
        for (MessageListenerContainer c : getListenerContainers()) {
            if (c.isAutoStartup()) {
                c.start();
            }
        }
        running = true;
    }

    /** Stops every container in parallel and runs {@code callback} once all have stopped; returns at once. */
    @Override
    public void stop(Runnable callback) {
        running = false;
        Collection<MessageListenerContainer> all = getListenerContainers();
        if (all.isEmpty()) {
            callback.run();
            return;
        }
        AtomicInteger left = new AtomicInteger(all.size());
        for (MessageListenerContainer c : all) {
            Thread t = new Thread(() -> {
                try {
                    c.stop();
                } finally {
                    if (left.decrementAndGet() == 0) {
                        callback.run();
                    }
                }
            }, "zmq-stop-" + c.getId());
            t.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        List<Thread> stoppers = new ArrayList<>();
        for (MessageListenerContainer c : getListenerContainers()) {
            Thread t = new Thread(c::stop, "zmq-stop-" + c.getId());
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return ZmqListenerContainer.PHASE;
    }

    @Override
    public void destroy() {
        stop();
    }
}
