package dev.zmq.sample.front;

import dev.zmq.sample.WebRequest;
import dev.zmq.sample.WebResponse;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.core.ZmqTemplate;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The front's half of the Mongrel2 pattern: PUSHes each request to whichever worker is free and completes the
 * caller's future when the answer arrives on the SUB socket subscribed to this front's id. Thread-safe.
 */
@Component
@Profile("!worker")
public class PendingResponses {

    private final ZmqTemplate template;
    private final FrontIdentity front;
    private final Map<String, CompletableFuture<WebResponse>> pending = new ConcurrentHashMap<>();

    public PendingResponses(ZmqTemplate template, FrontIdentity front) {
        this.template = template;
        this.front = front;
    }

    /** Sends {@code path} to the workers; the future completes with their answer or fails after {@code timeout}. */
    public CompletableFuture<WebResponse> dispatch(String path, Duration timeout) {
        String id = front.nextRequestId();
        CompletableFuture<WebResponse> answer = new CompletableFuture<>();
        pending.put(id, answer);
        answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> pending.remove(id));
        template.convertAndSend("requests", new WebRequest(front.id(), id, path));
        return answer;
    }

    /** Requests not answered yet. */
    public int inFlight() {
        return pending.size();
    }

    /** Answers for this front (topic = its id); answers to requests nobody waits for any more are dropped. */
    @ZmqListener(id = "responses", socket = "responses", topics = "#{frontIdentity.id()}")
    void onResponse(WebResponse response) {
        CompletableFuture<WebResponse> f = pending.remove(response.requestId());
        if (f != null) {
            f.complete(response);
        }
    }
}
