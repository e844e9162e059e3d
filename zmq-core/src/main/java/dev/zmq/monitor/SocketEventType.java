package dev.zmq.monitor;

/** What happened to a socket or one of its connections, after libzmq's {@code ZMQ_EVENT_*} list. */
public enum SocketEventType {
    /** A bind succeeded; the event's endpoint is the resolved one. */
    LISTENING,
    /** A bind failed; the detail says why. */
    BIND_FAILED,
    /** An outgoing TCP connection was established (handshake not yet done). */
    CONNECTED,
    /** A connect is in progress and did not complete at once. */
    CONNECT_DELAYED,
    /** A reconnect is scheduled; the detail gives the wait. */
    CONNECT_RETRIED,
    /** A listening endpoint accepted a connection. */
    ACCEPTED,
    /** The ZMTP handshake completed; the peer now takes part in routing. */
    HANDSHAKE_SUCCEEDED,
    /** The ZMTP handshake failed (protocol error, wrong mechanism, incompatible socket type); detail = reason. */
    HANDSHAKE_FAILED,
    /** An established connection ended; detail = reason (peer closed, heartbeat timeout, protocol error, ...). */
    DISCONNECTED,
    /** A message from or to a datagram endpoint was dropped; detail = why (malformed, too large, unreachable). */
    MESSAGE_DROPPED,
    /** A listening endpoint was closed (unbind or socket close). */
    CLOSED,
    /** The socket closed. */
    MONITOR_STOPPED
}
