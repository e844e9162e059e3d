package dev.zmq.spring.support;

import dev.zmq.ZmqMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Resolves a listener parameter of type {@link ZmqMessage} to the whole message as received, every frame. Stateless
 * and thread-safe.
 */
public final class ZmqMessageArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ZmqMessage.class;
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
        return message.getHeaders().get(ZmqHeaders.RECEIVED_MESSAGE, ZmqMessage.class);
    }
}
