package dev.zmq.spring.config;

import org.jspecify.annotations.Nullable;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * One {@code @ZmqListener} method, its attributes resolved (placeholders and SpEL evaluated). Immutable.
 *
 * @param id       the listener id (unique in the registry)
 * @param socket   the name of a socket under {@code zmq.sockets}, or empty for an inline socket
 * @param type     the inline socket's type, or empty
 * @param bind     inline endpoints to bind
 * @param connect  inline endpoints to connect to
 * @param topics   inline topics (SUB), or topics added to a named socket's
 * @param propagation whether messages carry trace context, or {@code null} for the socket's own setting (off for
 *                 inline sockets)
 * @param settings the container settings the listener overrides, by their
 *                 {@link dev.zmq.spring.listener.ContainerProperties} property names (e.g. {@code concurrency},
 *                 {@code retries}, {@code errorHandler} as a bean name), as text
 * @param bean     the bean declaring the method
 * @param method   the method to invoke
 * @param sendTo   the socket the return value goes to ({@code @SendTo}), or {@code null}
 */
public record ZmqListenerEndpoint(String id, String socket, String type, List<String> bind, List<String> connect,
                                  List<String> topics, @Nullable Boolean propagation, Map<String, String> settings,
                                  Object bean, Method method, @Nullable String sendTo) {

    /** Copies the lists and settings. */
    public ZmqListenerEndpoint {
        bind = List.copyOf(bind);
        connect = List.copyOf(connect);
        topics = List.copyOf(topics);
        settings = Map.copyOf(settings);
    }

    /** "Bean.method", for errors. */
    public String describe() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
