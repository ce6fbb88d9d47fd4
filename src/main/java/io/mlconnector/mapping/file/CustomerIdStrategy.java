package io.mlconnector.mapping.file;

import io.mlconnector.mapping.UnmappableRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    /** Always "CB" + SHA-256(Chargebee id) in Crockford base32, cut to the maximum length (at least 15). */
    HASHED("hashed");

    private static final Pattern FITS_ACUMATICA_KEY = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final String HASH_PREFIX = "CB";
    /** Crockford's base32: digits and upper-case letters without I, L, O and U, so ids read back unambiguously. */
    private static final String BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** 13 base32 characters carry 65 bits: collisions stay unlikely (about 1 in 10^8 at a million customers). */
    static final int HASH_CHARACTERS = 13;
    /** The shortest CustomerID a hashed id fits in: "CB" and 13 characters. */
    public static final int MIN_HASHED_LENGTH = HASH_PREFIX.length() + HASH_CHARACTERS;

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
            throw new UnmappableRecord("a Chargebee customer id is required");
        }
        if (this == CHARGEBEE_ID && chargebeeCustomerId.length() <= maxLength
                && FITS_ACUMATICA_KEY.matcher(chargebeeCustomerId).matches()) {
            return chargebeeCustomerId.toUpperCase(Locale.ROOT);
        }
        if (maxLength < MIN_HASHED_LENGTH) {
            throw new UnmappableRecord("Chargebee customer id '" + chargebeeCustomerId + "' does not fit a "
                    + maxLength + "-character CustomerID, and a hashed id needs " + MIN_HASHED_LENGTH + " characters"
                    + " to stay unique (64 bits): lengthen the CUSTOMER segment (Segmented Keys, CS202000) to "
                    + MIN_HASHED_LENGTH + " or more and set customers.id_max_length to match");
        }
        String hash = base32(sha256(chargebeeCustomerId));
        return (HASH_PREFIX + hash).substring(0, Math.min(maxLength, HASH_PREFIX.length() + hash.length()));
    }

    /** Big-endian base32 of the digest, 5 bits a character (the last character takes the remaining bit). */
    private static String base32(byte[] digest) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : digest) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
