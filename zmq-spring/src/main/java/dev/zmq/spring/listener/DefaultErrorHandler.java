package dev.zmq.spring.listener;

import dev.zmq.ZmqMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import java.util.concurrent.TimeUnit;

/**
 * The default {@link ContainerErrorHandler}, in the shape of Spring Kafka's {@code DefaultErrorHandler(recoverer,
 * backOff)}: tries a failed message again as long as {@code backOff} allows, waiting as it says (on the listener's
 * thread), and when it gives up hands the message to the {@code recoverer} (a {@link DeadLetterPublisher}, if any),
 * then rethrows the last exception so the container sends its error reply. A thread interrupted while it waits (a
 * container stopping past its shutdown timeout) makes no more attempts and still recovers the message. A recoverer
 * that fails is logged, never retried. Thread-safe when its recoverer is.
 */
public final class DefaultErrorHandler implements ContainerErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultErrorHandler.class);

    private final @Nullable DeadLetterPublisher recoverer;
    private final BackOff backOff;

    /**
     * @param recoverer where messages go once every attempt failed, or {@code null} for nowhere
     * @param backOff   how often, and how far apart, failed messages are tried again
     */
    public DefaultErrorHandler(@Nullable DeadLetterPublisher recoverer, BackOff backOff) {
        this.recoverer = recoverer;
        this.backOff = backOff;
    }

    @Override
    public @Nullable ZmqMessage handle(FailedMessage failed) throws Exception {
        BackOffExecution execution = backOff.start();
        long wait;
        while ((wait = execution.nextBackOff()) != BackOffExecution.STOP) {
            if (wait > 0) {
                try {
                    TimeUnit.MILLISECONDS.sleep(wait);
                } catch (InterruptedException stopping) {
                    // the container is stopping: no more attempts, but the message is still recovered
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            try {
                return failed.retry();
            } catch (Exception again) {
                // the next back-off decides
            }
        }
        recover(failed);
        throw failed.error();
    }

    private void recover(FailedMessage failed) {
        if (recoverer == null) {
            return;
        }
        try {
            recoverer.publish(failed.listenerId(), failed.message(), failed.error(), failed.attempts());
            failed.recovered();
        } catch (RuntimeException e) {
            LOG.error("ZeroMQ listener '{}' could not dead-letter a failed message: {}", failed.listenerId(),
                    e.toString(), e);
        }
    }

    @Override
    public String toString() {
        return "DefaultErrorHandler[recoverer=" + recoverer + ", backOff=" + backOff + "]";
    }
}
