/**
 * Sending: {@link dev.zmq.spring.core.ZmqOperations} and its {@link dev.zmq.spring.core.ZmqTemplate}
 * (thread-safe sends, requests and publishing to sockets named under {@code zmq.sockets}), and the sockets behind it
 * (a lock per socket, a shared DEALER for concurrent requests). Uses {@code metrics} and {@code support}.
 */
@NullMarked
package dev.zmq.spring.core;

import org.jspecify.annotations.NullMarked;
