package dev.zmq.spring.test;

import org.jspecify.annotations.Nullable;
import java.util.List;

/**
 * One call of a {@code @ZmqListener} method, as the {@link ZmqTestHarness} recorded it: the listener id, the
 * arguments it was called with (payload converted, headers resolved), and what it returned or threw. Immutable.
 *
 * @param listenerId the listener's id
 * @param arguments  the arguments, in parameter order
 * @param result     the return value ({@code null} for void or after a failure)
 * @param failure    what it threw, or {@code null}
 */
public record Invocation(String listenerId, List<@Nullable Object> arguments, @Nullable Object result,
                         @Nullable Throwable failure) {

    /** The first argument of type {@code type}. @throws IllegalArgumentException when there is none */
    public <T> T argument(Class<T> type) {
        return arguments.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow(
                () -> new IllegalArgumentException("listener '" + listenerId + "' was called without a "
                        + type.getSimpleName() + " argument: " + arguments));
    }
}
