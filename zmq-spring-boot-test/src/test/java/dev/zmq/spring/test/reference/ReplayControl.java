package dev.zmq.spring.test.reference;

// tag::registry[]
import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import org.springframework.stereotype.Component;

@Component
public class ReplayControl {

    private final ZmqListenerEndpointRegistry listeners;

    public ReplayControl(ZmqListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    public void start() {
        listeners.getListenerContainer("replay").start();
    }

    public void stop() {
        listeners.getListenerContainer("replay").stop();             // lets the messages in hand finish first
    }
}
// end::registry[]
