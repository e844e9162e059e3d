package dev.zmq.sample.quote;

/**
 * A quote.
 *
 * @param symbol the symbol
 * @param bid    bid price
 * @param ask    ask price
 */
public record Quote(String symbol, double bid, double ask) {
}
