package dev.zmq.spring.listener;

import dev.zmq.ZmqMessage;
import dev.zmq.spring.support.ReceivedMessage;
import dev.zmq.spring.support.ZmqHeaders;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.support.ZmqMessageHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.GenericMessage;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Adapts an annotated method to {@link ZmqMessageListener}: builds a Spring {@link Message} whose payload is the
 * first body frame's bytes, with the topic, routing id, socket, listener id and whole received message as
 * {@link ZmqHeaders}, invokes the method (argument conversion and validation happen there) and turns its return
 * value into the reply, or hands it to the {@code @SendTo} sender. Thread-safe when the bean method is.
 */
public final class MessagingListenerAdapter implements ZmqMessageListener {

    private final InvocableHandlerMethod method;
    private final ZmqMessageConverter converter;
    private final String listenerId;
    private final String socketName;
    private final @Nullable Consumer<Object> sendTo;

    /**
     * @param sendTo where return values go instead of the reply ({@code @SendTo}), or {@code null}
     */
    public MessagingListenerAdapter(InvocableHandlerMethod method, ZmqMessageConverter converter, String listenerId,
                                    String socketName, @Nullable Consumer<Object> sendTo) {
        this.method = method;
        this.converter = converter;
        this.listenerId = listenerId;
        this.socketName = socketName;
        this.sendTo = sendTo;
    }

    @Override
    public @Nullable ZmqMessage onMessage(ReceivedMessage received) throws Exception {
        Map<String, Object> headers = new HashMap<>(8);
        headers.put(ZmqHeaders.SOCKET, socketName);
        headers.put(ZmqHeaders.LISTENER_ID, listenerId);
        received.addHeadersTo(headers);
        Message<byte[]> message = new GenericMessage<>(received.payload(), ZmqMessageHeaders.withoutId(headers));
        Object result = method.invoke(message);
        if (result == null) {
            return null;
        }
        if (sendTo != null) {
            sendTo.accept(result);
            return null;
        }
        return converter.toZmqMessage(result);
    }
}
