package dev.zmq.sample.front;

import dev.zmq.sample.Price;
import dev.zmq.spring.annotation.ZmqListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The latest tick per symbol, fed by a SUB listener on the price ticker. Thread-safe. */
@Component
@Profile("!worker")
public class PriceBoard {

    private final Map<String, Price> latest = new ConcurrentHashMap<>();

    @ZmqListener(id = "prices", socket = "prices")
    void onTick(Price price) {
        latest.put(price.symbol(), price);
    }

    /** A sorted copy of the latest ticks. */
    public Map<String, Price> latest() {
        return new TreeMap<>(latest);
    }
}
