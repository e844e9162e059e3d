package dev.zmq.spring.test.reference;

import dev.zmq.spring.annotation.ZmqListener;

/** The failing listeners of {@code docs/reference/errors.md}, in {@link ErrorsApplication}. */
public class PaymentListeners {

    // tag::failing-listener[]
    @ZmqListener(id = "payments", socket = "payments")                    // retried, then dead-lettered
    public void pay(Order order) {
        if (order.quantity() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + order.quantity());
        }
    }
    // end::failing-listener[]

    // tag::error-replies[]
    @ZmqListener(id = "lookups", type = "REP", bind = "tcp://*:5602", retries = "0")
    public String lookup(String key) {                                    // the caller gets: ERROR
        throw new IllegalStateException("no such key " + key);
    }

    @ZmqListener(id = "refunds", type = "REP", bind = "tcp://*:5603", retries = "0", returnExceptions = "true")
    public String refund(String id) {                 // the caller gets: ERROR | IllegalStateException: refunds...
        throw new IllegalStateException("refunds are closed");
    }
    // end::error-replies[]

    // tag::error-handler-use[]
    @ZmqListener(id = "rates", type = "REP", bind = "tcp://*:5604", retries = "0", errorHandler = "rateErrors")
    public Quote rate(QuoteRequest request) {                             // the caller gets: UNKNOWN XXX
        throw new IllegalArgumentException(request.symbol());
    }
    // end::error-handler-use[]
}
