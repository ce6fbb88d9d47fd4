package io.mlconnector.ingest;

import io.mlconnector.secrets.CredentialStore;
import io.mlconnector.secrets.WebhookCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks what Chargebee presents on a webhook: HTTP Basic credentials, or the secret token in the URL path.
 * Comparisons are constant-time over SHA-256 digests, so neither content nor length leaks through timing.
 */
@ApplicationScoped
public class WebhookAuthenticator {
    private final CredentialStore credentials;

    public WebhookAuthenticator(CredentialStore credentials) {
        this.credentials = credentials;
    }

    public boolean isAuthentic(Optional<String> authorizationHeader, Optional<String> pathToken) {
        WebhookCredentials expected = credentials.webhook();
        if (pathToken.isPresent()) {
            return expected.pathToken().map(token -> sameSecret(pathToken.get(), token.reveal())).orElse(false);
        }
        return authorizationHeader.flatMap(WebhookAuthenticator::basicCredentials)
                .map(presented -> sameSecret(presented, expected.username() + ":" + expected.password().reveal()))
                .orElse(false);
    }

    private static Optional<String> basicCredentials(String header) {
        String value = header.strip();
        if (value.length() < 6 || !value.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getDecoder().decode(value.substring(6).strip()),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static boolean sameSecret(String presented, String expected) {
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
