package dev.zmq.spring.test.reference;

/** An order, sent as JSON. */
public record Order(String item, int quantity) {
}
