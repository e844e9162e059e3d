package dev.zmq.spring.test;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on a {@code @SpringBootTest} class: every endpoint of the application's named sockets and inline
 * {@code @ZmqListener} sockets moves to {@code inproc://} (see {@link InprocEndpoints}; no ports, no network, tests
 * in parallel cannot collide), and a {@link ZmqTestHarness} bean drives the listeners and captures what the
 * application sends. {@code zmq.test.inproc=false} keeps the configured endpoints; {@code zmq.test.timeout} (10 s)
 * bounds every wait of the harness.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(ZmqTestAutoConfiguration.class)
public @interface AutoConfigureZmqTest {
}
