/**
 * What every layer shares: socket specifications ({@link dev.zmq.spring.support.ZmqSocketSpec}, the
 * registry of named sockets), received messages and their headers ({@link dev.zmq.spring.support.ZmqHeaders},
 * {@link dev.zmq.spring.support.ZmqDeadLetterHeaders}), message conversion, and the trace envelope. Depends on no other
 * package of zmq-spring.
 */
@NullMarked
package dev.zmq.spring.support;

import org.jspecify.annotations.NullMarked;
