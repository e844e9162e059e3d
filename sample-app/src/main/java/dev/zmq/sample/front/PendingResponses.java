package dev.zmq.sample.front;

import dev.zmq.ZmqContext;
import dev.zmq.ZmqSocket;
import dev.zmq.monitor.SocketEventType;
import dev.zmq.sample.WebRequest;
import dev.zmq.sample.WebResponse;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.core.ZmqTemplate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The front's half of the Mongrel2 pattern, made to survive its workers: PUSHes each request to whichever worker is
 * free and completes the caller's future when the answer arrives on the SUB socket subscribed to this front's id.
 * A request not answered within its attempt's time, or in flight when a worker disconnects, is sent again (with the
 * same id, so whichever answer comes first wins and later ones are dropped); after {@link #ATTEMPTS} attempts the
 * caller gets a 504. A PUSH socket does not say which worker took which request, so a disconnect resends every
 * request in flight: the handlers must be idempotent, as the sample's are. Thread-safe.
 */
@Component
@Profile("!worker")
public class PendingResponses implements DisposableBean {

    /** Attempts per request before the caller gets a 504. */
    public static final int ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(PendingResponses.class);

    private final ZmqTemplate template;
    private final FrontIdentity front;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "front-request-timers");
        t.setDaemon(true);
        return t;
    });

    /** One request in flight: its answer, how often it was sent, and its current attempt's deadline. */
    private final class Pending {
        final WebRequest request;
        final Duration attemptTimeout;
        final CompletableFuture<WebResponse> answer = new CompletableFuture<>();
        int attempts;
        @Nullable ScheduledFuture<?> deadline;

        Pending(WebRequest request, Duration attemptTimeout) {
            this.request = request;
            this.attemptTimeout = attemptTimeout;
        }

        /** Sends the next attempt, or answers 504 when none is left. */
        synchronized void attempt() {
            if (answer.isDone()) {
                return;
            }
            ScheduledFuture<?> previous = deadline;
            if (previous != null) {
                previous.cancel(false);
            }
            if (attempts == ATTEMPTS) {
                answer.complete(new WebResponse(request.requestId(), 504, "no worker answered " + request.path()
                        + " after " + ATTEMPTS + " attempts", "front"));
                return;
            }
            attempts++;
            deadline = timers.schedule(this::attempt, attemptTimeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                template.convertAndSend("requests", request);
            } catch (RuntimeException e) {
                LOG.warn("request {} not sent (attempt {}): {}", request.requestId(), attempts, e.toString());
            }
        }
    }

    public PendingResponses(ZmqTemplate template, FrontIdentity front, ZmqContext context) {
        this.template = template;
        this.front = front;
        template.open("requests");
        for (ZmqSocket s : context.sockets()) {
            if (s.name().equals("requests")) {
                s.addMonitor(e -> {
                    if (e.type() == SocketEventType.DISCONNECTED) {
                        resendAll(e.peer());
                    }
                });
            }
        }
    }

    /**
     * Sends {@code path} to the workers; the future completes with their answer, or with a 504 once
     * {@link #ATTEMPTS} attempts of {@code attemptTimeout} each went unanswered.
     */
    public CompletableFuture<WebResponse> dispatch(String path, Duration attemptTimeout) {
        String id = front.nextRequestId();
        Pending p = new Pending(new WebRequest(front.id(), id, path), attemptTimeout);
        pending.put(id, p);
        p.answer.whenComplete((r, e) -> pending.remove(id));
        p.attempt();
        return p.answer;
    }

    /** Requests not answered yet. */
    public int inFlight() {
        return pending.size();
    }

    /** A worker went away: whatever it held may be lost, so every request in flight is sent again. */
    private void resendAll(@Nullable String worker) {
        if (!pending.isEmpty()) {
            LOG.info("worker {} disconnected; resending {} requests in flight", worker, pending.size());
            timers.execute(() -> pending.values().forEach(Pending::attempt));
        }
    }

    /** Answers for this front (topic = its id); answers to requests nobody waits for any more are dropped. */
    @ZmqListener(id = "responses", socket = "responses", topics = "#{frontIdentity.id()}")
    void onResponse(WebResponse response) {
        Pending p = pending.get(response.requestId());
        if (p != null) {
            p.answer.complete(response);
            synchronized (p) {
                ScheduledFuture<?> deadline = p.deadline;
                if (deadline != null) {
                    deadline.cancel(false);
                }
            }
        }
    }

    @Override
    public void destroy() {
        timers.shutdownNow();
    }
}
