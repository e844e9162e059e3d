/**
 * The quote service: a REP listener answering quote requests around the ticker's price.
 */
@NullMarked
package dev.zmq.sample.quote;

import org.jspecify.annotations.NullMarked;
