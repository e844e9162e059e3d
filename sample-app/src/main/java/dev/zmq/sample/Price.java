package dev.zmq.sample;

/**
 * One tick of the price feed.
 *
 * @param symbol e.g. {@code EURUSD}
 * @param price  the price
 * @param seq    tick number
 */
public record Price(String symbol, double price, long seq) {
}
