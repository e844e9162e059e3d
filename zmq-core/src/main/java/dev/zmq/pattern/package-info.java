/**
 * The socket types' routing rules, one {@link dev.zmq.pattern.SocketPattern} per type (PUB, SUB, REQ, ROUTER, ...):
 * which peer a sent message goes to, which peer the next received one comes from, and what happens at the high-water
 * mark; with the building blocks they share (fair queueing, load balancing, subscriptions, drop counting).
 *
 * <p>Nullness: everything here is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.zmq.pattern;

import org.jspecify.annotations.NullMarked;
