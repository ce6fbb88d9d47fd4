package io.mlconnector.sandbox.acumatica;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Acumatica users the sandbox accepts, for the OAuth password grant and the cookie sign-in alike. Passwords are
 * compared in constant time and never exposed.
 */
final class UserDirectory {

    private final Map<String, String> passwords = new HashMap<>();

    UserDirectory(List<AcumaticaSandboxOptions.ApiUser> users) {
        users.forEach(u -> passwords.put(u.username(), u.password()));
    }

    boolean accepts(String username, String password) {
        String expected = username == null ? null : passwords.get(username);
        return expected != null && password != null && constantTimeEquals(expected, password);
    }

    static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
