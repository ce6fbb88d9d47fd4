package io.mlconnector.sandbox.chargebee;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/** HTTP Basic credentials, as Chargebee uses them: API key as user name, empty password. */
final class BasicAuth {

    private static final String PREFIX = "Basic ";

    private BasicAuth() {
    }

    static String header(String user, String password) {
        String pair = user + ":" + (password == null ? "" : password);
        return PREFIX + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The user name from an {@code Authorization} header, if it is well-formed Basic. */
    static Optional<String> userOf(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorizationHeader.substring(PREFIX.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(pair.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /**
     * {@code true} when the header names {@code apiKey} as user. The password is ignored, as on real sites; the
     * comparison is constant-time so the sandbox models the habit the connector's own webhook check should have.
     */
    static boolean accepts(String authorizationHeader, String apiKey) {
        return userOf(authorizationHeader)
                .map(user -> MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
                        apiKey.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }
}
