package dev.zmq.spring.annotation;

import org.springframework.aot.hint.annotation.Reflective;
import org.springframework.messaging.handler.annotation.MessageMappingReflectiveProcessor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as the listener of a ZeroMQ socket: every message the socket receives is handed to it as soon
 * as it arrives. Either name a socket configured under {@code zmq.sockets} ({@code socket = "orders"}), or declare
 * one inline ({@code type = "SUB", connect = "${feed.url}", topics = "prices."}). Every String attribute takes
 * {@code ${...}} placeholders and {@code #{...}} SpEL.
 *
 * <p>Parameters: the payload (first body frame) as {@code byte[]}, {@code String} or any JSON-readable type
 * (optionally {@code @Payload @Valid}), {@code Message<?>}, {@link dev.zmq.ZmqMessage} (every frame as received),
 * {@code @Header(ZmqHeaders.TOPIC)}, {@code @Header(ZmqHeaders.ROUTING_ID)}. On sockets that
 * {@linkplain dev.zmq.SocketType#replies() reply} (REP, ROUTER, SERVER, PEER) the return value is the reply to the
 * sender (ROUTER replies keep its envelope); on other sockets that can send (DEALER, PAIR, CLIENT, CHANNEL, XPUB) it
 * goes out through the same socket; on receive-only ones (PULL, SUB, XSUB, DISH, GATHER) use
 * {@code @SendTo("socket")}. A listener on a socket that cannot receive (PUB, PUSH, RADIO, SCATTER) is refused.
 *
 * <p>Attributes other than {@code id}, {@code socket}, {@code type}, {@code bind}, {@code connect}, {@code topics},
 * {@code propagation} and {@code containerFactory} are container settings: a non-empty one sets the
 * {@link dev.zmq.spring.listener.ContainerProperties} property of the same name for this listener (text converted
 * to the property's type; a strategy is the name of a bean), over the container factory's default.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective(MessageMappingReflectiveProcessor.class)
public @interface ZmqListener {

    /** Unique listener id, for the registry and metrics; default {@code beanName.methodName}. */
    String id() default "";

    /** A socket configured under {@code zmq.sockets.<name>}. */
    String socket() default "";

    /** Inline socket type, e.g. {@code SUB}, {@code PULL}, {@code REP}, {@code ROUTER}. */
    String type() default "";

    /** Inline endpoints to bind. */
    String[] bind() default {};

    /** Inline endpoints to connect to. */
    String[] connect() default {};

    /** Topics to subscribe to (SUB, XSUB): of the inline socket, or in addition to a named socket's own. */
    String[] topics() default {};

    /**
     * Whether messages on this listener's socket carry trace context ({@code true}/{@code false}): on an inline
     * socket, or over a named socket's {@code zmq.sockets.<name>.propagation}. Only between applications that both
     * turn it on.
     */
    String propagation() default "";

    /** How many messages are handled at once (an integer; default from the container factory, normally 1). */
    String concurrency() default "";

    /** Whether the listener starts with the application ({@code true}/{@code false}; default true). */
    String autoStartup() default "";

    /** Bean name of a {@link dev.zmq.spring.listener.ZmqErrorHandler} for this listener. */
    String errorHandler() default "";

    /** Bean name of the {@link dev.zmq.spring.config.ZmqListenerContainerFactory} to use. */
    String containerFactory() default "";

    /**
     * How many times a message whose handling threw is tried again, with the factory's back-off (an integer;
     * default from the container factory, {@code zmq.listener.retry.max-retries}, normally 0).
     */
    String retries() default "";

    /**
     * Name of a socket under {@code zmq.sockets} where messages go once every attempt failed (default from the
     * container factory, {@code zmq.listener.dead-letter-socket}; none normally).
     */
    String deadLetterSocket() default "";

    /**
     * Whether a caller of this failing request-reply listener gets the exception's class and message in its
     * {@code ERROR} reply ({@code true}/{@code false}; default from the container factory,
     * {@code zmq.listener.return-exceptions}, normally false).
     */
    String returnExceptions() default "";
}
