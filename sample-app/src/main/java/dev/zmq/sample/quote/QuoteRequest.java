package dev.zmq.sample.quote;

/**
 * A request for a quote.
 *
 * @param symbol e.g. {@code EURUSD}
 */
public record QuoteRequest(String symbol) {
}
