/**
 * ZMTP security mechanisms (NULL, PLAIN, CURVE) and ZAP, the ZeroMQ authentication protocol (RFC 27): requests,
 * replies, ready-made {@link dev.zmq.security.ZapAuthenticator}s, and Z85 for printable CURVE keys.
 *
 * <p>Nullness: everything here is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.zmq.security;

import org.jspecify.annotations.NullMarked;
