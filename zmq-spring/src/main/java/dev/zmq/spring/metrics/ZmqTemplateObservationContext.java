package dev.zmq.spring.metrics;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.transport.SenderContext;

import java.util.HashMap;
import java.util.Map;

/**
 * One send or request of the template, as a Micrometer {@link SenderContext}: the socket, the operation, and the
 * headers a tracer's propagator writes (carried to the peer in a {@link dev.zmq.spring.support.TraceEnvelope} when
 * the socket has propagation on). Used by one thread at a time.
 */
public class ZmqTemplateObservationContext extends SenderContext<Map<String, String>>
        implements ZmqObservationContext {

    private final Timing timing = new Timing();
    private final String socket;
    private final String operation;
    private final KeyValues keyValues;

    /**
     * @param keyValues the low-cardinality key values of this socket and operation, made once per pair
     * @param propagate whether headers are collected to travel with the message
     */
    public ZmqTemplateObservationContext(String socket, String operation, KeyValues keyValues, boolean propagate) {
        super((carrier, key, value) -> {
            if (carrier != null) {
                carrier.put(key, value);
            }
        });
        this.socket = socket;
        this.operation = operation;
        this.keyValues = keyValues;
        if (propagate) {
            setCarrier(new HashMap<>(4));
        }
        setRemoteServiceName(socket);
    }

    /** The socket's name under {@code zmq.sockets}. */
    public String getSocket() {
        return socket;
    }

    /** {@code send} or {@code request}. */
    public String getOperation() {
        return operation;
    }

    @Override
    public KeyValues getKeyValues() {
        return keyValues;
    }

    @Override
    public Timing timing() {
        return timing;
    }
}
