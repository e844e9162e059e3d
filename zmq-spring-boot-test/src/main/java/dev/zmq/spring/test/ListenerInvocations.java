package dev.zmq.spring.test;

import dev.zmq.spring.annotation.ZmqListener;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records every call of a {@code @ZmqListener} method: wraps each bean that declares one in a class proxy (or adds
 * advice to its existing proxy) before the listener annotation processor sees it, so the container calls through the
 * recording. Calls are kept per listener id (the annotation's {@code id}, or {@code beanName.method}) until taken.
 * Thread-safe. Beans whose class cannot be subclassed (final) are called unrecorded.
 */
final class ListenerInvocations implements BeanPostProcessor, BeanFactoryAware, Ordered {

    private final Map<String, BlockingQueue<Invocation>> calls = new ConcurrentHashMap<>();
    private @Nullable ConfigurableBeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableBeanFactory) beanFactory;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<Method, String> ids = MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<String>) m -> {
            ZmqListener a = AnnotatedElementUtils.findMergedAnnotation(m, ZmqListener.class);
            if (a == null) {
                return null;
            }
            String id = beanFactory == null ? a.id() : beanFactory.resolveEmbeddedValue(a.id());
            return id == null || id.isBlank() ? beanName + "." + m.getName() : id.trim();
        });
        if (ids.isEmpty() || Modifier.isFinal(type.getModifiers())) {
            return bean;
        }
        ids.values().forEach(this::queue);
        MethodInterceptor recorder = call -> record(ids, type, call);
        if (bean instanceof Advised advised && !advised.isFrozen()) {
            advised.addAdvice(0, recorder);
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(recorder);
        return proxy.getProxy(type.getClassLoader());
    }

    private @Nullable Object record(Map<Method, String> ids, Class<?> type, MethodInvocation call) throws Throwable {
        String id = ids.get(AopUtils.getMostSpecificMethod(call.getMethod(), type));
        if (id == null) {
            return call.proceed();
        }
        Object[] args = call.getArguments().clone();
        try {
            Object result = call.proceed();
            queue(id).add(new Invocation(id, Collections.unmodifiableList(Arrays.asList(args)), result, null));
            return result;
        } catch (Throwable failure) {
            queue(id).add(new Invocation(id, Collections.unmodifiableList(Arrays.asList(args)), null, failure));
            throw failure;
        }
    }

    /**
     * The next call of listener {@code id} not yet taken, waiting up to {@code timeout} for it.
     *
     * @throws AssertionError when none comes in time
     */
    Invocation next(String id, Duration timeout) {
        BlockingQueue<Invocation> queue = calls.get(id);
        if (queue == null) {
            throw new IllegalArgumentException("no @ZmqListener with id '" + id + "' (recorded: " + calls.keySet()
                    + ")");
        }
        try {
            Invocation call = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (call == null) {
                throw new AssertionError("listener '" + id + "' was not called within " + timeout.toMillis()
                        + " ms");
            }
            return call;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for listener '" + id + "'", e);
        }
    }

    /** Forgets every recorded call. */
    void clear() {
        calls.values().forEach(BlockingQueue::clear);
    }

    private BlockingQueue<Invocation> queue(String id) {
        return calls.computeIfAbsent(id, k -> new LinkedBlockingQueue<>());
    }
}
