package dev.zmq;

/**
 * A socket specification that cannot work, naming the setting at fault ({@link #setting()}, e.g. {@code type},
 * {@code bind[0]}, {@code curve.secret-key}), the value given and the reason, so configuration layers can point at
 * their own key for it (a property, a command-line flag). Immutable.
 */
public final class InvalidSocketSpecException extends ZmqException {

    private static final long serialVersionUID = 1L;

    private final String socket;
    private final String setting;
    private final String value;
    private final String reason;

    /**
     * @param socket  the specification's name
     * @param setting the setting at fault, in {@link SocketSpec.Builder}'s names
     * @param value   the value given (hidden for secrets), or empty
     * @param reason  what is wrong
     */
    public InvalidSocketSpecException(String socket, String setting, String value, String reason) {
        super(ErrorCode.EINVAL, "socket '" + socket + "': " + setting + (value.isEmpty() ? "" : " '" + value + "'")
                + ": " + reason);
        this.socket = socket;
        this.setting = setting;
        this.value = value;
        this.reason = reason;
    }

    /** The name of the socket whose specification is wrong. */
    public String socket() {
        return socket;
    }

    /** The setting at fault, e.g. {@code type}, {@code bind[0]}, {@code topics}, {@code curve.secret-key}. */
    public String setting() {
        return setting;
    }

    /** The value given, {@code (hidden)} for secrets, or empty. */
    public String value() {
        return value;
    }

    /** What is wrong, without the socket and setting. */
    public String reason() {
        return reason;
    }
}
