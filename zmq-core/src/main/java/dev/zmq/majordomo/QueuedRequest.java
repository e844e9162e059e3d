package dev.zmq.majordomo;

import dev.zmq.ZmqMessage;

/**
 * A client's request as the broker holds it until a worker's reply: who asked, what, and since when (nanoTime).
 * Immutable.
 */
record QueuedRequest(byte[] client, ZmqMessage body, long queuedAt) {
}
