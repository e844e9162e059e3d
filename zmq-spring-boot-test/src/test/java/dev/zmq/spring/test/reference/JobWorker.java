package dev.zmq.spring.test.reference;

import dev.zmq.spring.annotation.ZmqListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The receiving listener of the tracing page. */
public class JobWorker {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    // tag::inline-propagation[]
    @ZmqListener(id = "job-worker", type = "PULL", bind = "tcp://*:5570", propagation = "true")
    public void work(String job) {
        log.info("working on {}", job);        // in the span "job-worker receive", a child of the sender's span
    }
    // end::inline-propagation[]
}
