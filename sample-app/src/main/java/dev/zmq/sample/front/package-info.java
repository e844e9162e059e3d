/**
 * The HTTP front: pushes each request to the workers, answers the client when a worker's reply arrives on its
 * subscription (resending after a timeout or a worker's disconnect), the price board and the load button.
 */
@NullMarked
package dev.zmq.sample.front;

import org.jspecify.annotations.NullMarked;
