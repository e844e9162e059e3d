package dev.zmq.sample;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqMessage;
import dev.zmq.ZmqSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * The sample application. For now it proves the stack end to end: it starts, sends one message through a PUSH/PULL
 * pair over loopback TCP with the auto-configured context, and logs that it is up.
 */
@SpringBootApplication
public class SampleApplication {

    private static final Logger LOG = LoggerFactory.getLogger(SampleApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }

    /** Round-trips one message and logs the result; fails start-up if ZeroMQ does not work. */
    @Bean
    ApplicationRunner selfCheck(ZmqContext context) {
        return args -> LOG.info("zmq sample app is up: {}", roundTrip(context));
    }

    static String roundTrip(ZmqContext context) {
        try (ZmqSocket pull = context.socket(SocketType.PULL); ZmqSocket push = context.socket(SocketType.PUSH)) {
            pull.bind("tcp://127.0.0.1:*");
            push.connect(pull.lastEndpoint());
            push.send(ZmqMessage.of("hello", "zmq"));
            ZmqMessage reply = pull.recv(Duration.ofSeconds(10));
            if (reply == null) {
                throw new IllegalStateException("no message came back through " + pull.lastEndpoint());
            }
            return reply.frame(0).text() + " " + reply.frame(1).text() + " via " + pull.lastEndpoint();
        }
    }
}
