/**
 * The price ticker: publishes prices over PUB/SUB.
 */
@NullMarked
package dev.zmq.sample.ticker;

import org.jspecify.annotations.NullMarked;
