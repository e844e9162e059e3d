package dev.zmq.wire;

/**
 * One frame as ZMTP sees it: its flags ({@link FrameFlags#MORE}, {@link FrameFlags#COMMAND}) and its body. What a
 * mechanism that encrypts hands back when it opens a MESSAGE. Immutable record (the body array is not copied).
 *
 * @param flags MORE and/or COMMAND
 * @param body  the frame's body
 */
public record WireFrame(int flags, byte[] body) {

    /** Whether the frame is a command. */
    public boolean isCommand() {
        return (flags & FrameFlags.COMMAND) != 0;
    }

    /** Whether more frames of the same message follow. */
    public boolean more() {
        return (flags & FrameFlags.MORE) != 0;
    }
}
