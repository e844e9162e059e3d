package dev.zmq.spring.config;

import dev.zmq.spring.listener.ZmqErrorHandler;

import java.lang.reflect.Method;
import java.util.List;

/**
 * One {@code @ZmqListener} method, its attributes resolved (placeholders and SpEL evaluated). Immutable.
 *
 * @param id           the listener id (unique in the registry)
 * @param socket       the name of a socket under {@code zmq.sockets}, or empty for an inline socket
 * @param type         the inline socket's type, or empty
 * @param bind         inline endpoints to bind
 * @param connect      inline endpoints to connect to
 * @param topics       inline topics (SUB)
 * @param concurrency  messages handled at once, or {@code null} for the factory's default
 * @param autoStartup  whether it starts with the application, or {@code null} for the factory's default
 * @param errorHandler the handler for this listener, or {@code null} for the factory's
 * @param bean         the bean declaring the method
 * @param method       the method to invoke
 * @param sendTo       the socket the return value goes to ({@code @SendTo}), or {@code null}
 * @param retries      retries after a failed attempt, or {@code null} for the factory's default
 * @param deadLetter   the socket failed messages go to, or {@code null} for the factory's default
 */
public record ZmqListenerEndpoint(String id, String socket, String type, List<String> bind, List<String> connect,
                                  List<String> topics, Integer concurrency, Boolean autoStartup,
                                  ZmqErrorHandler errorHandler, Object bean, Method method, String sendTo,
                                  Integer retries, String deadLetter) {

    /** "Bean.method", for errors. */
    public String describe() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
