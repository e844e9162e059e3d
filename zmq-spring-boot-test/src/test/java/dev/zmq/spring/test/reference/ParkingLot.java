package dev.zmq.spring.test.reference;

import dev.zmq.ZmqMessage;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Where the errors page's custom {@code DeadLetterPublisher} parks failed messages (a table, in real life). */
public class ParkingLot {

    /** One parked message. */
    public record Parked(String listenerId, ZmqMessage message, String error, int attempts) {
    }

    final BlockingQueue<Parked> parked = new LinkedBlockingQueue<>();

    public void park(String listenerId, ZmqMessage message, Throwable error, int attempts) {
        parked.add(new Parked(listenerId, message, error.toString(), attempts));
    }
}
