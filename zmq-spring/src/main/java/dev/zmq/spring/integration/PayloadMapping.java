package dev.zmq.spring.integration;

/**
 * What a received ZeroMQ message becomes as a Spring Integration payload.
 */
public enum PayloadMapping {
    /** The first body frame's bytes ({@code byte[]}), the default. */
    BYTES,
    /** The first body frame as UTF-8 text. */
    STRING,
    /** The first body frame read as JSON into the configured payload type. */
    JSON,
    /** Every frame as received, as a {@link dev.zmq.ZmqMessage}. */
    FRAMES
}
