/**
 * Pure-Java ZeroMQ: the application's API. A {@link dev.zmq.ZmqContext} makes {@link dev.zmq.ZmqSocket}s of
 * a {@link dev.zmq.SocketType}, configured with {@link dev.zmq.SocketOption}s, that send and receive whole
 * {@link dev.zmq.ZmqMessage}s of {@link dev.zmq.Frame}s; {@link dev.zmq.Poller} waits on many sockets,
 * {@link dev.zmq.Proxy} forwards between two, {@link dev.zmq.ZapHandler} authenticates peers, and failures are
 * {@link dev.zmq.ZmqException}s with an {@link dev.zmq.ErrorCode}.
 *
 * <p>Nullness: everything here is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.zmq;

import org.jspecify.annotations.NullMarked;
