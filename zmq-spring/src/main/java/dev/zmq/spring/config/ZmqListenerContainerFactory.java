package dev.zmq.spring.config;

import dev.zmq.OptionValue;
import dev.zmq.SocketSpec;
import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.listener.ContainerProperties;
import dev.zmq.spring.listener.DeadLetterSocket;
import dev.zmq.spring.listener.MessagingListenerAdapter;
import dev.zmq.spring.listener.ZmqListenerContainer;
import dev.zmq.spring.listener.ZmqMessageListener;
import dev.zmq.spring.support.ZmqMessageArgumentResolver;
import dev.zmq.spring.support.ZmqMessageConverter;
import dev.zmq.spring.support.ZmqSocketRegistry;
import dev.zmq.spring.support.ZmqSocketSpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.validation.Validator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes listener containers, for {@code @ZmqListener} methods ({@link #createContainer(ZmqListenerEndpoint)}) or
 * for code ({@link #createContainer(String, ZmqSocketSpec, ZmqMessageListener)}). Every container gets a copy of
 * {@link #getContainerProperties()} (the defaults: concurrency, error handling, retries, dead letters, restarts,
 * threads, observations), with a listener's own attributes applied by name. Name a factory bean in
 * {@code @ZmqListener(containerFactory = ...)} to use other defaults.
 *
 * <p>Configure it before the first container is made; thereafter thread-safe. Creating a container for a
 * listener whose declaration cannot work throws {@link IllegalStateException} naming the method and the reason.
 */
public class ZmqListenerContainerFactory implements BeanFactoryAware {

    private final ZmqContext context;
    private final ZmqSocketRegistry sockets;
    private final ZmqMessageConverter converter;
    private final ContainerProperties containerProperties = new ContainerProperties();
    private List<OptionValue<?>> defaultOptions = List.of();
    private volatile @Nullable Validator validator;
    private @Nullable ZmqTemplate template;
    private ListenerSettings settings = new ListenerSettings(null);
    private final List<HandlerMethodArgumentResolver> argumentResolvers = new ArrayList<>();
    private volatile @Nullable DefaultMessageHandlerMethodFactory methods;

    /** A factory making sockets in {@code context}, named ones from {@code sockets}. */
    public ZmqListenerContainerFactory(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
        this.context = context;
        this.sockets = sockets;
        this.converter = converter;
    }

    /** The defaults every container starts from; configure them before the first container is made. */
    public ContainerProperties getContainerProperties() {
        return containerProperties;
    }

    /** Options for inline sockets (named sockets carry their own): the {@code zmq.defaults}. */
    public void setDefaultOptions(List<OptionValue<?>> defaultOptions) {
        this.defaultOptions = List.copyOf(defaultOptions);
    }

    /** Validates {@code @Valid @Payload} parameters; none by default. */
    public void setValidator(Validator validator) {
        this.validator = validator;
    }

    /**
     * Adds a resolver for listener parameters of a type of your own (e.g. Mongrel2's request), consulted after the
     * built-in one for {@code ZmqMessage}; call it before the first container is made.
     */
    public void addArgumentResolver(HandlerMethodArgumentResolver resolver) {
        argumentResolvers.add(resolver);
    }

    /** Sends {@code @SendTo} return values and dead letters to sockets named under {@code zmq.sockets}. */
    public void setTemplate(ZmqTemplate template) {
        this.template = template;
    }

    /** Where listener settings that name beans (e.g. {@code errorHandler}) find them. */
    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.settings = new ListenerSettings(beanFactory);
    }

    /**
     * A container running {@code listener} on the socket {@code spec}, with this factory's defaults.
     *
     * @throws IllegalStateException when the defaults name a dead-letter socket that does not exist
     */
    public ZmqListenerContainer createContainer(String id, ZmqSocketSpec spec, ZmqMessageListener listener) {
        return container(id, spec, listener, containerProperties.copy(), "listener '" + id + "'");
    }

    /** A container for an annotated method. */
    public ZmqListenerContainer createContainer(ZmqListenerEndpoint endpoint) {
        ZmqSocketSpec spec = socketFor(endpoint);
        SocketType type = spec.type();
        String sendTo = endpoint.sendTo();
        boolean returns = endpoint.method().getReturnType() != void.class;
        if (!type.canReceive()) {
            throw invalid(endpoint, "a " + type + " socket never receives, so its listener would never be called");
        }
        if (sendTo != null && type.replies()) {
            throw invalid(endpoint, "@SendTo cannot be used on a " + type + " listener: its return value is the reply");
        }
        if (returns && sendTo == null && !type.canSend()) {
            throw invalid(endpoint, "it returns a value but its " + type + " socket cannot reply; return void or add"
                    + " @SendTo(\"<socket name>\")");
        }
        Consumer<Object> sender = null;
        if (sendTo != null) {
            ZmqTemplate t = template;
            if (t == null) {
                throw invalid(endpoint, "@SendTo needs a ZmqTemplate");
            }
            known(endpoint, sendTo);
            sender = result -> t.convertAndSend(sendTo, result);
        }
        ContainerProperties properties = containerProperties.copy();
        try {
            settings.apply(endpoint.settings(), properties);
        } catch (RuntimeException e) {
            throw invalid(endpoint, e.getMessage());
        }
        InvocableHandlerMethod method = handlerMethods().createInvocableHandlerMethod(endpoint.bean(),
                endpoint.method());
        ZmqMessageListener listener = new MessagingListenerAdapter(method, converter, endpoint.id(), spec.name(),
                sender);
        ZmqListenerContainer container = container(endpoint.id(), spec, listener, properties,
                "@ZmqListener " + endpoint.describe() + " (id '" + endpoint.id() + "')");
        if (endpoint.socket().isEmpty()) {
            sockets.recordInline(spec);
        }
        return container;
    }

    /** The container, its dead-letter socket (if any) made into the publisher. */
    private ZmqListenerContainer container(String id, ZmqSocketSpec spec, ZmqMessageListener listener,
                                           ContainerProperties properties, String who) {
        String deadLetter = properties.getDeadLetterSocket();
        if (deadLetter != null) {
            if (template == null) {
                throw new IllegalStateException(who + ": a dead-letter socket needs a ZmqTemplate");
            }
            try {
                sockets.get(deadLetter);
            } catch (IllegalArgumentException unknown) {
                throw new IllegalStateException(who + ": dead-letter " + unknown.getMessage(), unknown);
            }
            properties.setDeadLetterPublisher(new DeadLetterSocket(template, converter, deadLetter));
        }
        return new ZmqListenerContainer(id, spec, listener, context, converter, properties);
    }

    private void known(ZmqListenerEndpoint e, String socket) {
        try {
            sockets.get(socket);
        } catch (IllegalArgumentException unknown) {
            throw invalid(e, unknown.getMessage());
        }
    }

    private ZmqSocketSpec socketFor(ZmqListenerEndpoint e) {
        boolean inline = !e.type().isEmpty() || !e.bind().isEmpty() || !e.connect().isEmpty();
        if (!e.socket().isEmpty()) {
            if (inline) {
                throw invalid(e, "give either socket = \"" + e.socket() + "\" or an inline type/bind/connect, not both");
            }
            ZmqSocketSpec named;
            try {
                named = sockets.get(e.socket());
            } catch (IllegalArgumentException unknown) {
                throw invalid(e, unknown.getMessage());
            }
            Boolean propagation = e.propagation();
            if (propagation != null) {
                named = named.withPropagation(propagation);
            }
            if (e.topics().isEmpty()) {
                return named;
            }
            if (!named.type().subscribes()) {
                throw invalid(e, "topics need a SUB, XSUB or DISH socket; '" + e.socket() + "' is " + named.type());
            }
            return named.withTopics(e.topics());
        }
        if (e.type().isEmpty() || (e.bind().isEmpty() && e.connect().isEmpty())) {
            throw invalid(e, "name a socket (socket = \"...\") or give type and bind or connect");
        }
        try {
            return sockets.mapped(new ZmqSocketSpec(SocketSpec.builder(e.id()).type(e.type()).bind(e.bind())
                    .connect(e.connect()).topics(e.topics()).options(defaultOptions).build(),
                    Boolean.TRUE.equals(e.propagation())));
        } catch (ZmqException bad) {
            throw invalid(e, bad.getMessage());
        }
    }

    private DefaultMessageHandlerMethodFactory handlerMethods() {
        DefaultMessageHandlerMethodFactory f = methods;
        if (f == null) {
            synchronized (this) {
                f = methods;
                if (f == null) {
                    f = new DefaultMessageHandlerMethodFactory();
                    f.setMessageConverter(converter.payloadConverter());
                    List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(argumentResolvers.size() + 1);
                    resolvers.add(new ZmqMessageArgumentResolver());
                    resolvers.addAll(argumentResolvers);
                    f.setCustomArgumentResolvers(resolvers);
                    Validator v = validator;
                    if (v != null) {
                        f.setValidator(v);
                    }
                    f.afterPropertiesSet();
                    methods = f;
                }
            }
        }
        return f;
    }

    private static IllegalStateException invalid(ZmqListenerEndpoint e, @Nullable String reason) {
        return new IllegalStateException("@ZmqListener " + e.describe() + " (id '" + e.id() + "'): " + reason);
    }
}
