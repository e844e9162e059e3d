package dev.zmq.majordomo;

/**
 * One service's state and totals in a {@link MajordomoBroker}, as of one moment.
 *
 * <p>Immutable and thread-safe.
 *
 * @param service         the service name
 * @param requestsWaiting requests queued for a worker
 * @param workers         workers registered (waiting or busy)
 * @param workersWaiting  workers waiting for a request
 * @param dispatched      requests handed to workers, in total (a request queued again after its worker died counts
 *                        each time)
 * @param replies         replies passed back to clients, in total
 * @param workersExpired  workers forgotten after heartbeat silence, in total
 * @param requestsExpired requests dropped after waiting longer than the request expiry, in total
 */
public record ServiceStatistics(String service, int requestsWaiting, int workers, int workersWaiting, long dispatched,
                                long replies, long workersExpired, long requestsExpired) {
}
