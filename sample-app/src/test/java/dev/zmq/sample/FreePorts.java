package dev.zmq.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free loopback ports for the sample's ZeroMQ endpoints, as properties. */
final class FreePorts {

    private FreePorts() {
    }

    /** {@code sample.*-port=N} for the four ports the sample binds. */
    static List<String> properties() {
        List<String> out = new ArrayList<>();
        for (String name : List.of("requests", "responses", "ticker", "quotes")) {
            try (ServerSocket s = new ServerSocket(0)) {
                out.add("sample." + name + "-port=" + s.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
