package dev.zmq.spring.test.reference;

import dev.zmq.spring.annotation.ZmqListener;

/** The one listener of {@link OrderIntakeApplication}. */
public class OrderIntake {

    @ZmqListener(id = "order-intake", socket = "order-intake")
    public void onOrder(Order order) {
    }
}
