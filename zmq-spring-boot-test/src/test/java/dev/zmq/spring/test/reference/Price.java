package dev.zmq.spring.test.reference;

/** A price tick, published as JSON under a topic. */
public record Price(String symbol, double value) {
}
