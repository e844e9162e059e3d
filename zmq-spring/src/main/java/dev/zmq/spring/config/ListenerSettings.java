package dev.zmq.spring.config;

import dev.zmq.spring.listener.ContainerProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.convert.support.DefaultConversionService;

import java.time.Duration;
import java.util.Map;

/**
 * Applies a listener's own settings (its {@code @ZmqListener} attributes, as text) to its copy of the factory's
 * {@link ContainerProperties}, by property name: a number, flag or duration is converted from its text, a strategy
 * (an error handler, a back-off, a dead-letter publisher) is the name of a bean of that type. So a new setting needs
 * no code here. Stateless apart from its bean factory; thread-safe.
 */
final class ListenerSettings {

    private static final DefaultConversionService CONVERSIONS = new DefaultConversionService();

    static {
        CONVERSIONS.addConverter(String.class, Duration.class, ListenerSettings::duration);
    }

    private final @Nullable BeanFactory beans;

    ListenerSettings(@Nullable BeanFactory beans) {
        this.beans = beans;
    }

    /**
     * Applies {@code settings} to {@code properties}.
     *
     * @throws IllegalArgumentException naming the setting and value when there is no such setting, the text does not
     *     convert, there is no such bean, or the value is out of range
     */
    void apply(Map<String, String> settings, ContainerProperties properties) {
        BeanWrapper target = PropertyAccessorFactory.forBeanPropertyAccess(properties);
        target.setConversionService(CONVERSIONS);
        settings.forEach((name, text) -> {
            if (!target.isWritableProperty(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a listener setting");
            }
            Class<?> type = target.getPropertyType(name);
            try {
                if (type != null && !BeanUtils.isSimpleValueType(type) && type != Duration.class) {
                    target.setPropertyValue(name, bean(name, text, type));
                } else {
                    target.setPropertyValue(name, text);
                }
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalArgumentException(name + " '" + text + "': " + cause.getMessage(), e);
            }
        });
    }

    private Object bean(String name, String beanName, Class<?> type) {
        if (beans == null) {
            throw new IllegalStateException(name + " names a bean, but the container factory has no bean factory");
        }
        return beans.getBean(beanName, type);
    }

    /** ISO-8601 ({@code PT5S}) or a number with a unit: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
    private static Duration duration(String text) {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("p")) {
            return Duration.parse(t);
        }
        int unit = 0;
        while (unit < t.length() && (Character.isDigit(t.charAt(unit)) || t.charAt(unit) == '-')) {
            unit++;
        }
        long amount = Long.parseLong(t.substring(0, unit));
        return switch (t.substring(unit)) {
            case "ms", "" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("unknown unit in '" + text + "' (ms, s, m, h or ISO-8601)");
        };
    }
}
