package dev.zmq.spring.mongrel2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads tnetstrings ({@code SIZE:DATA} then a type byte): {@code ,} text, {@code #} integer, {@code ^} float,
 * {@code !} boolean, {@code ~} null, {@code ]} list, {@code }} dictionary. Values come back as {@code String},
 * {@code Long}, {@code Double}, {@code Boolean}, {@link #NULL}, {@code List<Object>} and {@code Map<String, Object>}.
 * Stateless; every method throws {@link IllegalArgumentException} naming the fault.
 */
final class Tnetstrings {

    /** The tnetstring null ({@code 0:~}); a value, so maps and lists can hold it. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Nested deeper than this is refused: headers are one dictionary of strings or lists of strings. */
    private static final int MAX_DEPTH = 8;

    private Tnetstrings() {
    }

    /** A parsed value and the offset just past it. */
    record Parsed(Object value, int end) {
    }

    /** The one tnetstring at {@code from}, which must end at {@code to}. */
    static Object parseWhole(byte[] data, int from, int to) {
        Parsed p = parse(data, from, to, 0);
        if (p.end() != to) {
            throw new IllegalArgumentException((to - p.end()) + " bytes after the tnetstring");
        }
        return p.value();
    }

    /** The tnetstring starting at {@code from}, not reading past {@code to}. */
    static Parsed parse(byte[] data, int from, int to) {
        return parse(data, from, to, 0);
    }

    /**
     * The length prefix {@code DIGITS:} at {@code from}: returns the data's length; the data starts after the colon.
     * Digits only, no sign, at most 9 of them, and the data must fit before {@code to}.
     */
    static int length(byte[] data, int from, int to) {
        int i = from;
        long n = 0;
        while (i < to && data[i] >= '0' && data[i] <= '9') {
            n = n * 10 + (data[i] - '0');
            i++;
            if (i - from > 9) {
                throw new IllegalArgumentException("length at byte " + from + " has more than 9 digits");
            }
        }
        if (i == from) {
            throw new IllegalArgumentException("no length at byte " + from);
        }
        if (i >= to || data[i] != ':') {
            throw new IllegalArgumentException("no ':' after the length at byte " + from);
        }
        if (n > to - i - 2) {
            throw new IllegalArgumentException("length " + n + " at byte " + from + " runs past the end ("
                    + Math.max(0, to - i - 2) + " bytes left)");
        }
        return (int) n;
    }

    /** Where the data of the length prefix at {@code from} starts. */
    static int dataStart(byte[] data, int from) {
        int i = from;
        while (data[i] != ':') {
            i++;
        }
        return i + 1;
    }

    private static Parsed parse(byte[] data, int from, int to, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("tnetstring nested deeper than " + MAX_DEPTH);
        }
        int size = length(data, from, to);
        int start = dataStart(data, from);
        int end = start + size;
        byte type = data[end];
        Object value = switch (type) {
            case ',' -> new String(data, start, size, StandardCharsets.UTF_8);
            case '#' -> number(data, start, size);
            case '^' -> decimal(data, start, size);
            case '!' -> bool(data, start, size);
            case '~' -> {
                if (size != 0) {
                    throw new IllegalArgumentException("a tnetstring null must be empty");
                }
                yield NULL;
            }
            case ']' -> list(data, start, end, depth);
            case '}' -> dictionary(data, start, end, depth);
            default -> throw new IllegalArgumentException("unknown tnetstring type '" + printable(type) + "' at byte "
                    + end);
        };
        return new Parsed(value, end + 1);
    }

    private static Long number(byte[] data, int start, int size) {
        String text = new String(data, start, size, StandardCharsets.US_ASCII);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a tnetstring integer", e);
        }
    }

    private static Double decimal(byte[] data, int start, int size) {
        String text = new String(data, start, size, StandardCharsets.US_ASCII);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a tnetstring float", e);
        }
    }

    private static Boolean bool(byte[] data, int start, int size) {
        String text = new String(data, start, size, StandardCharsets.US_ASCII);
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + text + "' is not a tnetstring boolean");
        };
    }

    private static List<Object> list(byte[] data, int start, int end, int depth) {
        List<Object> items = new ArrayList<>();
        int i = start;
        while (i < end) {
            Parsed item = parse(data, i, end, depth + 1);
            items.add(item.value());
            i = item.end();
        }
        return Collections.unmodifiableList(items);
    }

    private static Map<String, Object> dictionary(byte[] data, int start, int end, int depth) {
        Map<String, Object> entries = new LinkedHashMap<>();
        int i = start;
        while (i < end) {
            Parsed key = parse(data, i, end, depth + 1);
            if (!(key.value() instanceof String name)) {
                throw new IllegalArgumentException("a tnetstring dictionary key at byte " + i + " is not text");
            }
            if (key.end() >= end) {
                throw new IllegalArgumentException("the tnetstring dictionary key '" + name + "' has no value");
            }
            Parsed value = parse(data, key.end(), end, depth + 1);
            entries.put(name, value.value());
            i = value.end();
        }
        return Collections.unmodifiableMap(entries);
    }

    static String printable(byte b) {
        return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff);
    }
}
