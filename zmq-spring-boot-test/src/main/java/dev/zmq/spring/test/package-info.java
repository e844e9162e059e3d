/**
 * Test support: {@link dev.zmq.spring.test.AutoConfigureZmqTest} moves every endpoint to {@code inproc://}, and the
 * {@link dev.zmq.spring.test.ZmqTestHarness} plays the other side of the application's sockets (send, publish,
 * request, capture, await a listener's invocation).
 */
@NullMarked
package dev.zmq.spring.test;

import org.jspecify.annotations.NullMarked;
