package dev.zmq.spring.config;

import dev.zmq.SocketType;
import dev.zmq.ZmqContext;
import dev.zmq.ZmqException;
import dev.zmq.spring.core.ZmqTemplate;
import dev.zmq.spring.listener.DeadLetterSocket;
import dev.zmq.spring.listener.LoggingErrorHandler;
import dev.zmq.spring.listener.MessagingListenerAdapter;
import dev.zmq.spring.listener.ZmqErrorHandler;
import dev.zmq.spring.listener.ZmqListenerContainer;
import dev.zmq.spring.listener.ZmqMessageListener;
import dev.zmq.spring.metrics.ZmqListenerObservationConvention;
import dev.zmq.spring.support.ZmqMessageArgumentResolver;
import dev.zmq.spring.support.ZmqMessageConverter;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.validation.Validator;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Makes listener containers, for {@code @ZmqListener} methods ({@link #createContainer(ZmqListenerEndpoint)}) or
 * for code ({@link #createContainer(String, ZmqSocketSpec, ZmqMessageListener)}), with shared defaults: concurrency,
 * auto-startup, error handler, options for inline sockets, payload validation. Name a factory bean in
 * {@code @ZmqListener(containerFactory = ...)} to use other defaults.
 *
 * <p>Configure it before the first container is made; thereafter thread-safe. Creating a container for a
 * listener whose declaration cannot work throws {@link IllegalStateException} naming the method and the reason.
 */
public class ZmqListenerContainerFactory {

    /** Sockets that cannot send a reply: a listener on one must return void or forward with {@code @SendTo}. */
    private static final Set<SocketType> RECEIVE_ONLY = EnumSet.of(SocketType.PULL, SocketType.SUB, SocketType.XSUB,
            SocketType.DISH, SocketType.GATHER);
    private static final Set<SocketType> ANSWERING = EnumSet.of(SocketType.REP, SocketType.ROUTER);

    private final ZmqContext context;
    private final ZmqSocketRegistry sockets;
    private final ZmqMessageConverter converter;
    private int concurrency = 1;
    private boolean autoStartup = true;
    private ZmqErrorHandler errorHandler = new LoggingErrorHandler();
    private List<OptionValue<?>> defaultOptions = List.of();
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private volatile Validator validator;
    private ZmqTemplate template;
    private ObservationRegistry observations = ObservationRegistry.NOOP;
    private ZmqListenerObservationConvention observationConvention;
    private boolean returnExceptions;
    private Duration retryDelay = Duration.ofSeconds(1);
    private double retryMultiplier = 2;
    private Duration retryMaxDelay = Duration.ofSeconds(30);
    private int retries;
    private String deadLetterSocket;
    private ThreadFactory threads = Thread::new;
    private volatile DefaultMessageHandlerMethodFactory methods;

    /** A factory making sockets in {@code context}, named ones from {@code sockets}. */
    public ZmqListenerContainerFactory(ZmqContext context, ZmqSocketRegistry sockets, ZmqMessageConverter converter) {
        this.context = context;
        this.sockets = sockets;
        this.converter = converter;
    }

    /** Default concurrency (1). */
    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    /** Whether containers start with the application (true). */
    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    /** The default error handler ({@link LoggingErrorHandler}). */
    public void setErrorHandler(ZmqErrorHandler errorHandler) {
        this.errorHandler = errorHandler;
    }

    /** Options for inline sockets (named sockets carry their own): the {@code zmq.defaults}. */
    public void setDefaultOptions(List<OptionValue<?>> defaultOptions) {
        this.defaultOptions = List.copyOf(defaultOptions);
    }

    /** How long stopping a container waits for messages in progress (30 s). */
    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    /** Validates {@code @Valid @Payload} parameters; none by default. */
    public void setValidator(Validator validator) {
        this.validator = validator;
    }

    /** Sends {@code @SendTo} return values. */
    public void setTemplate(ZmqTemplate template) {
        this.template = template;
    }

    /** Where containers record {@code zmq.listener} observations (none by default). */
    public void setObservationRegistry(ObservationRegistry observations) {
        this.observations = observations;
    }

    /** Names and tags the containers' observations (the default convention when unset). */
    public void setObservationConvention(ZmqListenerObservationConvention observationConvention) {
        this.observationConvention = observationConvention;
    }

    /**
     * Whether callers of failing REP/ROUTER/SERVER/PEER listeners get the exception's class and message in their
     * {@code ERROR} reply (default {@code false}, as Spring AMQP's {@code returnExceptions}: internals stay inside).
     */
    public void setReturnExceptions(boolean returnExceptions) {
        this.returnExceptions = returnExceptions;
    }

    /** Default retries after a failed attempt (0: none). */
    public void setRetries(int retries) {
        this.retries = retries;
    }

    /**
     * The back-off between retries: first {@code delay} (1 s), multiplied by {@code multiplier} (2) up to
     * {@code maxDelay} (30 s).
     */
    public void setRetryBackOff(Duration delay, double multiplier, Duration maxDelay) {
        this.retryDelay = delay;
        this.retryMultiplier = multiplier;
        this.retryMaxDelay = maxDelay;
    }

    /** The default socket (under {@code zmq.sockets}) where failed messages go; {@code null}: none. */
    public void setDeadLetterSocket(String deadLetterSocket) {
        this.deadLetterSocket = deadLetterSocket;
    }

    /** Makes the containers' receiving and worker threads (platform threads by default). */
    public void setThreadFactory(ThreadFactory threads) {
        this.threads = threads;
    }

    /** A container running {@code listener} on the socket {@code spec}, with this factory's defaults. */
    public ZmqListenerContainer createContainer(String id, ZmqSocketSpec spec, ZmqMessageListener listener) {
        return configured(new ZmqListenerContainer(id, spec, concurrency, listener, errorHandler, converter, context,
                autoStartup, shutdownTimeout), retries, deadLetterSocket);
    }

    private ZmqListenerContainer configured(ZmqListenerContainer c, int retries, String deadLetter) {
        c.setObservationRegistry(observations);
        c.setObservationConvention(observationConvention);
        c.setReturnExceptions(returnExceptions);
        c.setThreadFactory(threads);
        if (retries > 0) {
            c.setRetryPolicy(RetryPolicy.builder().maxRetries(retries).delay(retryDelay).multiplier(retryMultiplier)
                    .maxDelay(retryMaxDelay).build());
        }
        if (deadLetter != null) {
            if (template == null) {
                throw new IllegalStateException("listener '" + c.getId() + "': a dead-letter socket needs a"
                        + " ZmqTemplate");
            }
            sockets.get(deadLetter);
            c.setDeadLetterPublisher(new DeadLetterSocket(template, converter, deadLetter));
        }
        return c;
    }

    /** A container for an annotated method. */
    public ZmqListenerContainer createContainer(ZmqListenerEndpoint endpoint) {
        ZmqSocketSpec spec = socketFor(endpoint);
        SocketType type = spec.type();
        boolean returns = endpoint.method().getReturnType() != void.class;
        if (endpoint.sendTo() != null && ANSWERING.contains(type)) {
            throw invalid(endpoint, "@SendTo cannot be used on a " + type + " listener: its return value is the reply");
        }
        if (returns && endpoint.sendTo() == null && RECEIVE_ONLY.contains(type)) {
            throw invalid(endpoint, "it returns a value but its " + type + " socket cannot reply; return void or add"
                    + " @SendTo(\"<socket name>\")");
        }
        if (endpoint.sendTo() != null) {
            if (template == null) {
                throw invalid(endpoint, "@SendTo needs a ZmqTemplate");
            }
            sockets.get(endpoint.sendTo());
        }
        InvocableHandlerMethod method = handlerMethods().createInvocableHandlerMethod(endpoint.bean(),
                endpoint.method());
        Consumer<Object> sendTo = endpoint.sendTo() == null ? null
                : result -> template.convertAndSend(endpoint.sendTo(), result);
        ZmqMessageListener listener = new MessagingListenerAdapter(method, converter, endpoint.id(), spec.name(),
                sendTo);
        return configured(new ZmqListenerContainer(endpoint.id(), spec,
                endpoint.concurrency() != null ? endpoint.concurrency() : concurrency, listener,
                endpoint.errorHandler() != null ? endpoint.errorHandler() : errorHandler, converter, context,
                endpoint.autoStartup() != null ? endpoint.autoStartup() : autoStartup, shutdownTimeout),
                endpoint.retries() != null ? endpoint.retries() : retries,
                endpoint.deadLetter() != null ? endpoint.deadLetter() : deadLetterSocket);
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
            if (e.topics().isEmpty()) {
                return named;
            }
            if (named.type() != SocketType.SUB && named.type() != SocketType.XSUB) {
                throw invalid(e, "topics need a SUB or XSUB socket; '" + e.socket() + "' is " + named.type());
            }
            return named.withTopics(e.topics());
        }
        if (e.type().isEmpty() || (e.bind().isEmpty() && e.connect().isEmpty())) {
            throw invalid(e, "name a socket (socket = \"...\") or give type and bind or connect");
        }
        try {
            return sockets.inline(new ZmqSocketSpec(e.id(), SocketType.fromName(e.type()), e.bind(), e.connect(),
                    e.topics(), defaultOptions));
        } catch (ZmqException bad) {
            throw invalid(e, bad.getMessage());
        }
    }

    private DefaultMessageHandlerMethodFactory handlerMethods() {
        DefaultMessageHandlerMethodFactory f = methods;
        if (f == null) {
            synchronized (this) {
                if (methods == null) {
                    f = new DefaultMessageHandlerMethodFactory();
                    f.setMessageConverter(converter.payloadConverter());
                    f.setCustomArgumentResolvers(List.of(new ZmqMessageArgumentResolver()));
                    if (validator != null) {
                        f.setValidator(validator);
                    }
                    f.afterPropertiesSet();
                    methods = f;
                }
                f = methods;
            }
        }
        return f;
    }

    private static IllegalStateException invalid(ZmqListenerEndpoint e, String reason) {
        return new IllegalStateException("@ZmqListener " + e.describe() + " (id '" + e.id() + "'): " + reason);
    }
}
