package dev.zmq.sample.front;

import dev.zmq.sample.WebRequest;
import dev.zmq.spring.core.ZmqTemplate;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code POST /load?count=N&millis=M}: fires N work requests of M ms each at the workers from a background thread,
 * without waiting for answers, so the live page shows queues fill and drain.
 */
@RestController
@Profile("!worker")
public class LoadController {

    private final ZmqTemplate template;
    private final FrontIdentity front;
    private final ExecutorService burster = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "load-burst");
        t.setDaemon(true);
        return t;
    });

    public LoadController(ZmqTemplate template, FrontIdentity front) {
        this.template = template;
        this.front = front;
    }

    @PostMapping("/load")
    Map<String, Object> load(@RequestParam(defaultValue = "5000") int count,
                             @RequestParam(defaultValue = "1") int millis) {
        int n = Math.min(count, 100_000);
        burster.execute(() -> {
            for (int i = 0; i < n; i++) {
                template.convertAndSend("requests", new WebRequest(front.id(), front.nextRequestId(),
                        "/work/" + millis));
            }
        });
        return Map.of("accepted", n, "millisEach", millis);
    }
}
