package dev.zmq.pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A set of topic prefixes with a reference count each, matched against message topics by walking the topic's bytes
 * once. An empty prefix matches everything.
 *
 * <p>Not thread-safe: owned by one socket's thread.
 */
public final class SubscriptionTrie {

    private final Node root = new Node();
    private int distinct;

    private static final class Node {
        int count;
        byte[] keys = new byte[0];
        Node[] children = new Node[0];

        @Nullable Node child(byte b) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == b) {
                    return children[i];
                }
            }
            return null;
        }

        Node addChild(byte b) {
            Node n = new Node();
            keys = Arrays.copyOf(keys, keys.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            keys[keys.length - 1] = b;
            children[children.length - 1] = n;
            return n;
        }
    }

    /** Adds one reference to {@code prefix}; {@code true} when the prefix is new. */
    public boolean add(byte[] prefix) {
        Node n = root;
        for (byte b : prefix) {
            Node c = n.child(b);
            n = c != null ? c : n.addChild(b);
        }
        if (n.count++ == 0) {
            distinct++;
            return true;
        }
        return false;
    }

    /** Removes one reference to {@code prefix}; {@code true} when that was its last one. */
    public boolean remove(byte[] prefix) {
        Node n = root;
        for (byte b : prefix) {
            n = n.child(b);
            if (n == null) {
                return false;
            }
        }
        if (n.count == 0) {
            return false;
        }
        if (--n.count == 0) {
            distinct--;
            return true;
        }
        return false;
    }

    /** Whether exactly {@code prefix} is in the set. */
    public boolean contains(byte[] prefix) {
        Node n = root;
        for (byte b : prefix) {
            n = n.child(b);
            if (n == null) {
                return false;
            }
        }
        return n.count > 0;
    }

    /** Whether some prefix in the set starts {@code topic}. */
    public boolean matches(byte[] topic) {
        Node n = root;
        if (n.count > 0) {
            return true;
        }
        for (byte b : topic) {
            n = n.child(b);
            if (n == null) {
                return false;
            }
            if (n.count > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the set holds no prefix. */
    public boolean isEmpty() {
        return distinct == 0;
    }

    /** Every prefix present, once each. */
    public List<byte[]> prefixes() {
        List<byte[]> out = new ArrayList<>();
        collect(root, new byte[0], out);
        return out;
    }

    private static void collect(Node n, byte[] path, List<byte[]> out) {
        if (n.count > 0) {
            out.add(path);
        }
        for (int i = 0; i < n.keys.length; i++) {
            byte[] next = Arrays.copyOf(path, path.length + 1);
            next[path.length] = n.keys[i];
            collect(n.children[i], next, out);
        }
    }
}
