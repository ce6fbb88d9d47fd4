package io.mlconnector.mapping.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a Chargebee customer id becomes an Acumatica CustomerID. Both are deterministic, so a retry or a re-sync finds
 * the customer it created before; the Chargebee id itself always travels in {@code AccountRef}.
 */
public enum CustomerIdStrategy implements YamlWord {
    /**
     * The Chargebee id upper-cased (Acumatica's CustomerID mask upper-cases anyway) when it fits the length and uses
     * only letters, digits, '_' and '-'; otherwise the hashed id. Ids differing only in case share one customer.
     */
    CHARGEBEE_ID("chargebee_id"),
    /** Always "CB" + upper-case hex of SHA-256(Chargebee id), cut to the maximum length. */
    HASHED("hashed");

    private static final Pattern FITS_ACUMATICA_KEY = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final String HASH_PREFIX = "CB";

    private final String yamlWord;

    CustomerIdStrategy(String yamlWord) {
        this.yamlWord = yamlWord;
    }

    @Override
    public String yamlWord() {
        return yamlWord;
    }

    public String customerIdFor(String chargebeeCustomerId, int maxLength) {
        if (chargebeeCustomerId == null || chargebeeCustomerId.isEmpty()) {
            throw new IllegalArgumentException("a Chargebee customer id is required");
        }
        if (maxLength <= HASH_PREFIX.length()) {
            throw new IllegalArgumentException("maxLength must leave room for the hash, got " + maxLength);
        }
        if (this == CHARGEBEE_ID && chargebeeCustomerId.length() <= maxLength
                && FITS_ACUMATICA_KEY.matcher(chargebeeCustomerId).matches()) {
            return chargebeeCustomerId.toUpperCase(Locale.ROOT);
        }
        String hash = HexFormat.of().withUpperCase().formatHex(sha256(chargebeeCustomerId));
        return (HASH_PREFIX + hash).substring(0, Math.min(maxLength, HASH_PREFIX.length() + hash.length()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
