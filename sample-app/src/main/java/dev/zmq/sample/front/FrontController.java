package dev.zmq.sample.front;

import dev.zmq.sample.Price;
import dev.zmq.sample.WebResponse;
import dev.zmq.sample.quote.Quote;
import dev.zmq.sample.quote.QuoteRequest;
import dev.zmq.spring.core.ZmqTemplate;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP front. {@code /hello/{name}} and {@code /work/{ms}} are answered by whichever ZeroMQ worker takes the
 * request; {@code /quote/{symbol}} asks the quote service over REQ/REP; {@code /prices} shows the latest ticks
 * received over PUB/SUB; {@code /stats} what the Spring Integration flow counted.
 */
@RestController
@Profile("!worker")
public class FrontController {

    /** How long one attempt of a request may take beyond the work it asks for, before it is sent again. */
    private static final Duration ATTEMPT = Duration.ofSeconds(2);

    private final PendingResponses pending;
    private final ZmqTemplate template;
    private final PriceBoard prices;
    private final TickStatistics stats;

    public FrontController(PendingResponses pending, ZmqTemplate template, PriceBoard prices, TickStatistics stats) {
        this.pending = pending;
        this.template = template;
        this.prices = prices;
        this.stats = stats;
    }

    @GetMapping("/hello/{name}")
    CompletableFuture<ResponseEntity<String>> hello(@PathVariable String name) {
        return answer("/hello/" + name, ATTEMPT);
    }

    @GetMapping("/work/{millis}")
    CompletableFuture<ResponseEntity<String>> work(@PathVariable int millis) {
        return answer("/work/" + millis, ATTEMPT.plusMillis(millis));
    }

    private CompletableFuture<ResponseEntity<String>> answer(String path, Duration attempt) {
        return pending.dispatch(path, attempt).thenApply(FrontController::toHttp);
    }

    private static ResponseEntity<String> toHttp(WebResponse r) {
        return ResponseEntity.status(r.status()).header("X-Worker", r.worker()).header("X-Request-Id", r.requestId())
                .body(r.body());
    }

    @GetMapping("/quote/{symbol}")
    Quote quote(@PathVariable String symbol) {
        return template.sendAndReceive("quotes", new QuoteRequest(symbol), Quote.class, Duration.ofSeconds(5));
    }

    @GetMapping("/prices")
    Map<String, Price> prices() {
        return prices.latest();
    }

    @GetMapping("/stats")
    Map<String, Long> stats() {
        return stats.ticksBySymbol();
    }
}
