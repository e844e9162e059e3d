package dev.zmq.spring.test.reference;

/** The answer to a {@link QuoteRequest}. */
public record Quote(String symbol, double bid, double ask) {
}
