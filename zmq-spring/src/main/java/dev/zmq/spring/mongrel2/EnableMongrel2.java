package dev.zmq.spring.mongrel2;

import org.springframework.context.annotation.Import;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets {@code @ZmqListener} methods take a {@link Mongrel2Request}: adds a {@link Mongrel2RequestArgumentResolver}
 * to every {@link dev.zmq.spring.config.ZmqListenerContainerFactory} bean, and, with Micrometer on the class path, a
 * binder counting malformed requests ({@code zmq.mongrel2.requests.malformed}). A handler:
 *
 * <pre>{@code
 * @ZmqListener(socket = "m2-requests")          // PULL connected to Mongrel2's send_spec
 * @SendTo("m2-replies")                         // PUB connected to Mongrel2's recv_spec
 * Mongrel2Reply handle(Mongrel2Request request) {
 *     return request.isDisconnect() ? null : request.reply(Mongrel2Response.ok("hello"));
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(Mongrel2Configuration.class)
public @interface EnableMongrel2 {
}
