package dev.zmq.spring.config;

import dev.zmq.SocketOption;
import dev.zmq.ZmqSocket;

/**
 * One socket option with its value, kept typed so a socket specification can apply it later. Immutable.
 *
 * @param option the option
 * @param value  its value
 * @param <T>    the option's value type
 */
public record OptionValue<T>(SocketOption<T> option, T value) {

    /** Sets the option on {@code socket}; throws {@link dev.zmq.ZmqException} (EINVAL) for a bad value. */
    public void applyTo(ZmqSocket socket) {
        socket.set(option, value);
    }
}
