package io.mlconnector.mapping.file;

import java.util.regex.Pattern;

/**
 * Dotted key paths as problems and references show them. Keys that are not plain words (Chargebee tax names with
 * spaces, ids with dots) are quoted so the path stays unambiguous: {@code taxes.by_tax_name."NY State Tax"}.
 */
final class KeyPaths {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_\\-]+");

    private KeyPaths() {}

    static String child(String parent, String key) {
        String segment = PLAIN_KEY.matcher(key).matches() ? key : quote(key);
        return parent.isEmpty() ? segment : parent + "." + segment;
    }

    private static String quote(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
