/**
 * Spring Integration: inbound and outbound channel adapters, inbound and outbound gateways, and a
 * message channel backed by sockets. Inbound components run on listener containers from the container factory.
 * Loaded only when Spring Integration is present.
 */
@NullMarked
package dev.zmq.spring.integration;

import org.jspecify.annotations.NullMarked;
