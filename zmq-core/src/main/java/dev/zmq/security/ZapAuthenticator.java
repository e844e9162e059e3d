package dev.zmq.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides a ZAP request, for a {@link dev.zmq.ZapHandler}. Ready-made: allow everyone, allow or deny by address, PLAIN user
 * names and passwords, CURVE client keys; combine them with {@link #and}. Implementations must be thread-safe if shared.
 */
@FunctionalInterface
public interface ZapAuthenticator {

    /** The decision for {@code request}; an exception becomes a 500 reply (refused). */
    ZapReply authenticate(ZapRequest request);

    /** This check, then {@code next} for the requests it allows. */
    default ZapAuthenticator and(ZapAuthenticator next) {
        return request -> {
            ZapReply first = authenticate(request);
            return first.allowed() ? next.authenticate(request) : first;
        };
    }

    /** Allows everyone (user id empty). */
    static ZapAuthenticator allowAll() {
        return request -> ZapReply.allow(request, "");
    }

    /** Allows only peers whose IP address is in {@code addresses}. */
    static ZapAuthenticator allowAddresses(Set<String> addresses) {
        Set<String> allowed = Set.copyOf(addresses);
        return request -> allowed.contains(request.address()) ? ZapReply.allow(request, "")
                : ZapReply.deny(request, "address " + request.address() + " is not allowed");
    }

    /** Refuses peers whose IP address is in {@code addresses}. */
    static ZapAuthenticator denyAddresses(Set<String> addresses) {
        Set<String> denied = Set.copyOf(addresses);
        return request -> denied.contains(request.address())
                ? ZapReply.deny(request, "address " + request.address() + " is denied") : ZapReply.allow(request, "");
    }

    /**
     * PLAIN: allows a client whose password matches {@code passwords.get(user)} (compared in constant time); the
     * user name becomes the user id. Other mechanisms are denied.
     */
    static ZapAuthenticator plainPasswords(Map<String, String> passwords) {
        Map<String, byte[]> known = new HashMap<>();
        passwords.forEach((u, p) -> known.put(u, p.getBytes(StandardCharsets.UTF_8)));
        return request -> {
            if (!request.mechanism().equals(PlainMechanism.NAME) || request.credentials().size() != 2) {
                return ZapReply.deny(request, "PLAIN credentials required");
            }
            String user = new String(request.credentials().get(0), StandardCharsets.UTF_8);
            byte[] expected = known.get(user);
            if (expected == null || !MessageDigest.isEqual(expected, request.credentials().get(1))) {
                return ZapReply.deny(request, "invalid user name or password");
            }
            return ZapReply.allow(request, user);
        };
    }

    /**
     * CURVE: allows clients whose long-term public key is one of {@code z85Keys} (40-character Z85, as
     * {@code zmq keygen} prints them); the key becomes the user id. Other mechanisms are denied.
     *
     * @throws IllegalArgumentException for a key that is not 40 Z85 characters
     */
    static ZapAuthenticator curveKeys(Set<String> z85Keys) {
        Set<String> allowed = new HashSet<>();
        for (String k : z85Keys) {
            Z85.decodeKey(k, "CURVE key '" + k + "'");
            allowed.add(k);
        }
        return request -> {
            if (!request.mechanism().equals(CurveMechanism.NAME) || request.credentials().size() != 1
                    || request.credentials().get(0).length != 32) {
                return ZapReply.deny(request, "CURVE client key required");
            }
            String key = Z85.encode(request.credentials().get(0));
            return allowed.contains(key) ? ZapReply.allow(request, key) : ZapReply.deny(request, "unknown key");
        };
    }

    /**
     * {@link #plainPasswords} from a file of {@code user=password} lines ({@code #} starts a comment), read now.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException naming the line when one has no {@code =}
     */
    static ZapAuthenticator plainPasswordFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PLAIN password file " + file, e);
        }
        Map<String, String> passwords = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected user=password");
            }
            passwords.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return plainPasswords(passwords);
    }
}
