package dev.zmq.majordomo;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One service in the broker: the requests waiting for a worker (oldest first), the workers waiting for a request
 * (least recently used first), how many workers it has, and its totals. Used by the broker's thread only.
 */
final class Service {

    final String name;
    final Deque<QueuedRequest> requests = new ArrayDeque<>();
    final Deque<WorkerRecord> waiting = new ArrayDeque<>();
    int workers;
    long dispatched;
    long replies;
    long workersExpired;
    long requestsExpired;

    Service(String name) {
        this.name = name;
    }

    ServiceStatistics statistics() {
        return new ServiceStatistics(name, requests.size(), workers, waiting.size(), dispatched, replies, workersExpired,
                requestsExpired);
    }
}
