package dev.zmq.spring.test.reference;

/** A request for a quote. */
public record QuoteRequest(String symbol) {
}
