package dev.zmq.security;

import java.util.function.Consumer;

/**
 * A context's link to its ZAP handler (RFC 27), the socket bound at {@link #ENDPOINT}. Thread-safe.
 */
public interface Zap {

    /** Where a ZAP handler binds. */
    String ENDPOINT = "inproc://zeromq.zap.01";

    /** Whether a handler is bound now; without one, servers accept every peer, as libzmq does. */
    boolean handlerBound();

    /** Asks the handler about {@code request}; {@code onReply} runs on another thread when the answer comes. */
    void authenticate(ZapRequest request, Consumer<ZapReply> onReply);
}
