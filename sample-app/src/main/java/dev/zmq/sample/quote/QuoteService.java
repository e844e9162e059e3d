package dev.zmq.sample.quote;

import dev.zmq.sample.ticker.PriceTicker;
import dev.zmq.spring.annotation.ZmqListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The REQ/REP service: quotes around the ticker's current price. Unknown symbols fail (the caller gets ERROR). */
@Component
@Profile("!front")
@ConditionalOnBooleanProperty(name = "sample.services.enabled", matchIfMissing = true)
public class QuoteService {

    private final PriceTicker ticker;

    public QuoteService(PriceTicker ticker) {
        this.ticker = ticker;
    }

    @ZmqListener(id = "quote-service", socket = "quote-service", concurrency = "2")
    Quote quote(QuoteRequest request) {
        double mid = ticker.current(request.symbol());
        return new Quote(request.symbol(), Math.round((mid - 0.0002) * 1e5) / 1e5,
                Math.round((mid + 0.0002) * 1e5) / 1e5);
    }
}
