package io.mlconnector.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Acumatica CustomerID for a Chargebee customer: the Chargebee id itself when it fits the tenant's key (length and
 * characters), otherwise a deterministic short id; the Chargebee id always travels in {@code AccountRef} too.
 */
public final class CustomerIds {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_\\-]+");

    private CustomerIds() {}

    public static String customerId(String chargebeeId, int maxLength) {
        if (chargebeeId.length() <= maxLength && ALLOWED.matcher(chargebeeId).matches()) {
            return chargebeeId.toUpperCase(Locale.ROOT);
        }
        String hash = HexFormat.of().formatHex(sha256(chargebeeId)).toUpperCase(Locale.ROOT);
        return ("CB" + hash).substring(0, Math.min(maxLength, 2 + hash.length()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
