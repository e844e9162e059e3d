package dev.zmq.sample.worker;

import dev.zmq.sample.WebRequest;
import dev.zmq.sample.WebResponse;
import dev.zmq.spring.annotation.ZmqListener;
import dev.zmq.spring.core.ZmqTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The handlers' half of the Mongrel2 pattern: PULLs requests (several at once), answers each, and PUBlishes the
 * answer under the asking front's id.
 */
@Component
@Profile("!front")
public class RequestWorker {

    private final ZmqTemplate template;
    private final String name;

    public RequestWorker(ZmqTemplate template, @Value("${sample.worker-name:worker}") String name) {
        this.template = template;
        this.name = name;
        template.open("replies"); // connect to the front before the first answer, which a PUB would otherwise drop
    }

    @ZmqListener(id = "workers", socket = "work", concurrency = "${sample.worker-threads:4}")
    void handle(WebRequest request) throws InterruptedException {
        WebResponse response;
        if (request.path().startsWith("/hello/")) {
            response = ok(request, "Hello, " + request.path().substring("/hello/".length()) + "!");
        } else if (request.path().startsWith("/work/")) {
            Thread.sleep(Long.parseLong(request.path().substring("/work/".length())));
            response = ok(request, "worked " + request.path().substring("/work/".length()) + " ms");
        } else {
            response = new WebResponse(request.requestId(), 404, "no handler for " + request.path(), worker());
        }
        template.send("replies", request.frontId(), response);
    }

    private WebResponse ok(WebRequest request, String body) {
        return new WebResponse(request.requestId(), 200, body, worker());
    }

    private String worker() {
        return name + "/" + Thread.currentThread().getName();
    }
}
