package dev.zmq.sample.ticker;

import dev.zmq.sample.Price;
import dev.zmq.spring.core.ZmqTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Publishes a random-walk price per symbol every 200 ms under topic {@code prices.<SYMBOL>}. Thread-safe. */
@Component
@Profile("!front")
@ConditionalOnBooleanProperty(name = "sample.services.enabled", matchIfMissing = true)
public class PriceTicker {

    private final ZmqTemplate template;
    private final Map<String, Double> prices = new ConcurrentHashMap<>(Map.of("EURUSD", 1.08, "GBPUSD", 1.27,
            "USDJPY", 151.2));
    private final AtomicLong seq = new AtomicLong();

    public PriceTicker(ZmqTemplate template) {
        this.template = template;
    }

    @Scheduled(fixedRate = 200)
    void tick() {
        prices.replaceAll((symbol, p) -> p * (1 + ThreadLocalRandom.current().nextGaussian() * 0.0005));
        prices.forEach((symbol, p) -> template.send("ticker", "prices." + symbol,
                new Price(symbol, p, seq.incrementAndGet())));
    }

    /**
     * The current price of {@code symbol}.
     *
     * @throws IllegalArgumentException for an unknown symbol
     */
    public double current(String symbol) {
        Double p = prices.get(symbol);
        if (p == null) {
            throw new IllegalArgumentException("unknown symbol " + symbol + " (known: " + prices.keySet() + ")");
        }
        return p;
    }
}
