/**
 * The Majordomo Protocol, MDP/0.1 (ZeroMQ RFC 7), with the Majordomo Management Interface (RFC 8), built on the public
 * socket API: {@link dev.zmq.majordomo.MajordomoBroker} (a ROUTER serving clients and workers on the same socket),
 * {@link dev.zmq.majordomo.MajordomoWorker} and {@link dev.zmq.majordomo.MajordomoClient}. The frames are exactly
 * RFC 7's ({@code MDPC01}, {@code MDPW01}, commands 0x01-0x05), so each part talks to any other MDP/0.1
 * implementation. Every transport and security mechanism the socket options allow works underneath: each class takes
 * a {@code Consumer<ZmqSocket>} that sets options (CURVE keys, PLAIN credentials, HWMs) on the sockets it makes.
 */
@NullMarked
package dev.zmq.majordomo;

import org.jspecify.annotations.NullMarked;
