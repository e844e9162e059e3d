/**
 * Mongrel2 handlers: the handler protocol (requests with JSON or tnetstring headers, disconnect and upload
 * notices, replies to one or many connections, HTTP responses) in {@link dev.zmq.spring.mongrel2.Mongrel2Codec},
 * {@link dev.zmq.spring.mongrel2.Mongrel2Request}, {@link dev.zmq.spring.mongrel2.Mongrel2Response} and
 * {@link dev.zmq.spring.mongrel2.Mongrel2Reply} (plain Java), and the Spring side: a {@code @ZmqListener} on a PULL
 * socket takes a {@code Mongrel2Request} parameter ({@link dev.zmq.spring.mongrel2.Mongrel2RequestArgumentResolver},
 * registered by {@link dev.zmq.spring.mongrel2.EnableMongrel2}) and returns a {@code Mongrel2Reply} that
 * {@code @SendTo} publishes; {@link dev.zmq.spring.mongrel2.Mongrel2Replies} answers later. Uses {@code config},
 * {@code core} and {@code support}; nothing else in zmq-spring uses it.
 */
@NullMarked
package dev.zmq.spring.mongrel2;

import org.jspecify.annotations.NullMarked;
