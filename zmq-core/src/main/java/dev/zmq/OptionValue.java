package dev.zmq;

/**
 * One socket option with its value, kept typed so a {@link SocketSpec} can apply it when it opens a socket.
 * Immutable.
 *
 * @param option the option
 * @param value  its value
 * @param <T>    the option's value type
 */
public record OptionValue<T>(SocketOption<T> option, T value) {

    /** Sets the option on {@code socket}; throws {@link ZmqException} (EINVAL) for a bad value. */
    public void applyTo(ZmqSocket socket) {
        socket.set(option, value);
    }
}
