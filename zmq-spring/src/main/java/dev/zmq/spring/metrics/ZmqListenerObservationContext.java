package dev.zmq.spring.metrics;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.transport.ReceiverContext;

import java.util.Map;

/**
 * One listener call, as a Micrometer {@link ReceiverContext}: the listener, its socket, and the trace headers the
 * message's {@link dev.zmq.spring.support.TraceEnvelope} carried (none when it had none). Used by one thread at a
 * time.
 */
public class ZmqListenerObservationContext extends ReceiverContext<Map<String, String>>
        implements ZmqObservationContext {

    private final Timing timing = new Timing();
    private final String listenerId;
    private final String socket;
    private final KeyValues keyValues;

    /**
     * @param keyValues the listener's low-cardinality key values, made once per listener
     * @param headers   the trace headers that came with the message
     */
    public ZmqListenerObservationContext(String listenerId, String socket, KeyValues keyValues,
                                         Map<String, String> headers) {
        super((carrier, key) -> carrier.get(key));
        this.listenerId = listenerId;
        this.socket = socket;
        this.keyValues = keyValues;
        setCarrier(headers);
        setRemoteServiceName(socket);
    }

    /** The listener's id. */
    public String getListenerId() {
        return listenerId;
    }

    /** The socket's name. */
    public String getSocket() {
        return socket;
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
