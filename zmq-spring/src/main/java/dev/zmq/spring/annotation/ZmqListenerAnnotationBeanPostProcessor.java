package dev.zmq.spring.annotation;

import dev.zmq.spring.config.ZmqListenerContainerFactory;
import dev.zmq.spring.config.ZmqListenerEndpoint;
import dev.zmq.spring.config.ZmqListenerEndpointRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.messaging.handler.annotation.SendTo;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;

/**
 * Finds {@link ZmqListener} methods on every bean, resolves their attributes (placeholders, then SpEL) and, once all
 * singletons exist, registers a container for each with the {@link ZmqListenerEndpointRegistry}, made by the named
 * (or default {@code zmqListenerContainerFactory}) factory. Beans created later ({@code @Lazy}, prototype scope,
 * created on demand) get their containers when they are created, started at once if the registry runs; each further
 * instance of a prototype bean gets the id with {@code -2}, {@code -3}, ... appended. Nothing is kept for beans that
 * are never created. Thread-safe for beans created after refresh; a listener that cannot work fails the refresh (or
 * the late bean's creation) with an {@link IllegalStateException} naming the method.
 */
public class ZmqListenerAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware,
        SmartInitializingSingleton {

    /** The factory used when {@code containerFactory} is empty. */
    public static final String DEFAULT_FACTORY = "zmqListenerContainerFactory";
    /**
     * The attributes that say which socket and which factory; every other String attribute is a container setting,
     * handed to the factory by name.
     */
    private static final Set<String> NOT_SETTINGS = Set.of("id", "socket", "type", "bind", "connect", "topics",
            "propagation", "containerFactory");

    private final List<Pending> pending = new ArrayList<>();
    private @Nullable ConfigurableBeanFactory beanFactory;
    /** Set once all singletons exist: from then on a bean's listeners are registered as the bean is created. */
    private boolean ready;

    private record Pending(String beanName, Object bean, Method method, ZmqListener annotation) {
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<Method, ZmqListener> methods = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<ZmqListener>) m ->
                        AnnotatedElementUtils.findMergedAnnotation(m, ZmqListener.class));
        methods.forEach((m, a) -> {
            Pending p = new Pending(beanName, bean, AopUtils.selectInvocableMethod(m, bean.getClass()), a);
            synchronized (pending) {
                if (ready) {
                    register(p);
                } else {
                    pending.add(p);
                }
            }
        });
        return bean;
    }

    @Override
    public void afterSingletonsInstantiated() {
        synchronized (pending) {
            ready = true;
            pending.forEach(this::register);
            pending.clear();
        }
    }

    private ConfigurableBeanFactory beans() {
        return Objects.requireNonNull(beanFactory, "the bean factory is set before any bean is processed");
    }

    private void register(Pending p) {
        ConfigurableBeanFactory beanFactory = beans();
        ZmqListenerEndpointRegistry registry = beanFactory.getBean(ZmqListenerEndpointRegistry.class);
        ZmqListenerEndpoint endpoint = endpoint(p, registry);
        String factoryName = resolve(p.annotation().containerFactory());
        ZmqListenerContainerFactory factory = beanFactory.getBean(
                factoryName.isEmpty() ? DEFAULT_FACTORY : factoryName, ZmqListenerContainerFactory.class);
        registry.registerListenerContainer(factory.createContainer(endpoint));
    }

    /** {@code id}, or for a further instance of a prototype bean the first free {@code id-2}, {@code id-3}, ... */
    private String instanceId(String id, String beanName, ZmqListenerEndpointRegistry registry) {
        ConfigurableBeanFactory beanFactory = beans();
        if (registry.getListenerContainer(id) == null || !beanFactory.containsBean(beanName)
                || !beanFactory.isPrototype(beanName)) {
            return id;
        }
        int n = 2;
        while (registry.getListenerContainer(id + "-" + n) != null) {
            n++;
        }
        return id + "-" + n;
    }

    private ZmqListenerEndpoint endpoint(Pending p, ZmqListenerEndpointRegistry registry) {
        ZmqListener a = p.annotation();
        String resolvedId = resolve(a.id());
        String id = instanceId(resolvedId.isEmpty() ? p.beanName() + "." + p.method().getName() : resolvedId,
                p.beanName(), registry);
        SendTo sendTo = AnnotatedElementUtils.findMergedAnnotation(p.method(), SendTo.class);
        String target = sendTo == null || sendTo.value().length == 0 ? null : resolve(sendTo.value()[0]);
        return new ZmqListenerEndpoint(id, resolve(a.socket()), resolve(a.type()), resolveAll(a.bind()),
                resolveAll(a.connect()), resolveAll(a.topics()), flag(p, "propagation", a.propagation()).orElse(null),
                settings(a),
                p.bean(), p.method(), target);
    }

    /** The resolved {@code true}/{@code false} attribute {@code name}; empty when the attribute is. */
    private Optional<Boolean> flag(Pending p, String name, String value) {
        String v = resolve(value);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalStateException("@ZmqListener " + p.method().getDeclaringClass().getSimpleName() + "."
                    + p.method().getName() + ": " + name + " must be true or false, got '" + v + "'");
        }
        return Optional.of(Boolean.valueOf(v));
    }

    /** The container settings the annotation gives (non-empty String attributes but the socket's), resolved. */
    private Map<String, String> settings(ZmqListener a) {
        Map<String, String> settings = new LinkedHashMap<>();
        AnnotationUtils.getAnnotationAttributes(a).forEach((name, value) -> {
            if (value instanceof String text && !NOT_SETTINGS.contains(name)) {
                String v = resolve(text);
                if (!v.isEmpty()) {
                    settings.put(name, v);
                }
            }
        });
        return settings;
    }

    private List<String> resolveAll(String[] values) {
        return Arrays.stream(values).map(this::resolve).filter(v -> !v.isEmpty()).toList();
    }

    private String resolve(String value) {
        ConfigurableBeanFactory beanFactory = beans();
        String v = beanFactory.resolveEmbeddedValue(value);
        if (v != null && v.contains("#{") && beanFactory.getBeanExpressionResolver() != null) {
            Object evaluated = beanFactory.getBeanExpressionResolver().evaluate(v,
                    new BeanExpressionContext(beanFactory, null));
            v = evaluated == null ? "" : evaluated.toString();
        }
        return v == null ? "" : v.trim();
    }
}
