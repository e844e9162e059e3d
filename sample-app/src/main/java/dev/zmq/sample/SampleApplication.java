package dev.zmq.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The sample: a Mongrel2-style web front whose HTTP requests are handled by ZeroMQ workers, a price ticker over
 * PUB/SUB, a quote service over REQ/REP, a Spring Integration flow, and a live page at {@code /} that charts every
 * socket's queues. With no profile everything runs in one JVM over loopback TCP; profile {@code front} runs only
 * the web front, profile {@code worker} only the handlers and services (see README).
 */
@SpringBootApplication
@EnableScheduling
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
