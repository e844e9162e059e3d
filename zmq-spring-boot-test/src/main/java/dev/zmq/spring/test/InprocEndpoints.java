package dev.zmq.spring.test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Maps an endpoint to the {@code inproc://} endpoint that stands in for it in a test: {@code tcp://*:5555} (bind) and
 * {@code tcp://host:5555} (connect) both become {@code inproc://tcp:5555}, so a socket binding a port and one
 * connecting to it still meet; {@code ipc://path} becomes {@code inproc://ipc:path}, {@code udp://host:5556}
 * {@code inproc://udp:5556}; an ephemeral port ({@code *} or {@code 0}) gets a name of its own; {@code inproc://}
 * stays. The host is dropped: two hosts on one port become one endpoint. inproc names live in one context, so two
 * test applications never meet. Thread-safe.
 */
public final class InprocEndpoints implements UnaryOperator<String> {

    private final AtomicInteger ephemeral = new AtomicInteger();

    @Override
    public String apply(String endpoint) {
        int scheme = endpoint.indexOf("://");
        if (scheme < 0) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' has no transport, e.g. tcp://");
        }
        String transport = endpoint.substring(0, scheme);
        String address = endpoint.substring(scheme + 3);
        if (transport.equals("inproc")) {
            return endpoint;
        }
        if (transport.equals("ipc")) {
            return "inproc://ipc:" + address;
        }
        String port = address.substring(address.lastIndexOf(':') + 1);
        if (port.equals("*") || port.equals("0")) {
            return "inproc://" + transport + ":ephemeral-" + ephemeral.incrementAndGet();
        }
        return "inproc://" + transport + ":" + port;
    }
}
