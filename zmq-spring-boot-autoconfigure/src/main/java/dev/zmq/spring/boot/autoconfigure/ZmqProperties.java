package dev.zmq.spring.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ZeroMQ settings under the {@code zmq} prefix. Named sockets, defaults and security follow in later releases.
 *
 * <p>Bound once at start-up by Spring; not meant to be changed afterwards.
 */
@ConfigurationProperties(prefix = "zmq")
public class ZmqProperties {

    /** Number of background I/O threads of the ZeroMQ context (at least 1). */
    private int ioThreads = 1;

    public int getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(int ioThreads) {
        this.ioThreads = ioThreads;
    }
}
