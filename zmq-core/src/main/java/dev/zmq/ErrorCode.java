package dev.zmq;

/**
 * The kinds of failure a {@link ZmqException} reports, named after the POSIX codes libzmq uses.
 */
public enum ErrorCode {
    /** The operation would block (non-blocking call) or its timeout passed. */
    EAGAIN,
    /** An argument is invalid: malformed endpoint, bad option value. */
    EINVAL,
    /** The endpoint names a transport this library does not support. */
    EPROTONOSUPPORT,
    /** The operation is not supported by this socket type (e.g. recv on PUB). */
    ENOTSUP,
    /** The address is already in use by another bind. */
    EADDRINUSE,
    /** The address cannot be bound (not local, or no such interface). */
    EADDRNOTAVAIL,
    /** The endpoint was not bound or connected by this socket. */
    ENOENT,
    /** The socket or its context is closed. */
    ETERM,
    /** The peer is not reachable (no route). */
    EHOSTUNREACH,
    /** The socket cannot do this in its current state. */
    EFSM,
    /** The calling thread was interrupted while blocked. */
    EINTR
}
