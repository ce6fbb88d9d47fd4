package io.mlconnector.mapping.file;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the keys of a data map (item price ids, currency codes, entity types …) may be. Reports its own problems and
 * says whether the entry should be used.
 */
@FunctionalInterface
interface KeyRule {
    /** Chargebee ids are at most 100 characters; a longer key is pasted text, not an id. */
    int MAX_CHARGEBEE_ID_LENGTH = 100;
    Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    boolean accepts(YamlNode.Entry entry, String path, Problems problems);

    /** A Chargebee id or name, matched exactly as written. */
    static KeyRule chargebeeValue(String what) {
        return (entry, path, problems) -> {
            String key = entry.key();
            if (key.isBlank() || !key.equals(key.strip()) || key.length() > MAX_CHARGEBEE_ID_LENGTH) {
                problems.error(entry.keyPosition(), path, "'" + key + "' is not usable as " + what + ": it is"
                        + " matched exactly, so it must be non-empty, at most " + MAX_CHARGEBEE_ID_LENGTH
                        + " characters, without leading or trailing spaces");
                return false;
            }
            return true;
        };
    }

    /** One of a closed Chargebee vocabulary; anything else could never match, so it is an error. */
    static KeyRule oneOf(Set<String> words, String what) {
        return (entry, path, problems) -> {
            if (words.contains(entry.key())) {
                return true;
            }
            problems.error(entry.keyPosition(), path, "'" + entry.key() + "' is not a " + what + "."
                    + Suggestions.closest(entry.key(), words).map(s -> " Did you mean '" + s + "'?")
                            .orElse(" Use one of: " + String.join(", ", words.stream().sorted().toList()) + "."));
            return false;
        };
    }

    /**
     * A value of an open Chargebee vocabulary that grows over time (payment methods): a near miss of a known value is
     * a typo and an error, an unknown value is accepted with a warning so a new Chargebee value can be mapped before
     * the connector learns its name.
     */
    static KeyRule knownOrWarn(Set<String> known, String what) {
        return (entry, path, problems) -> {
            if (!chargebeeValue(what).accepts(entry, path, problems)) {
                return false;
            }
            if (known.contains(entry.key())) {
                return true;
            }
            var suggestion = Suggestions.closest(entry.key(), known);
            if (suggestion.isPresent()) {
                problems.error(entry.keyPosition(), path, "'" + entry.key() + "' is not a " + what
                        + ". Did you mean '" + suggestion.get() + "'?");
                return false;
            }
            problems.warn(entry.keyPosition(), path, "'" + entry.key() + "' is not a " + what + " this connector"
                    + " knows; it is kept, and matches only if Chargebee sends exactly this value");
            return true;
        };
    }

    /** An ISO 4217 code as Chargebee sends it: three upper-case letters. */
    static KeyRule currencyCode() {
        return (entry, path, problems) -> {
            String key = entry.key();
            if (CURRENCY_CODE.matcher(key).matches()) {
                return true;
            }
            String upper = key.strip().toUpperCase(java.util.Locale.ROOT);
            problems.error(entry.keyPosition(), path, "'" + key + "' is not a currency code; write the three"
                    + " upper-case letters Chargebee uses"
                    + (CURRENCY_CODE.matcher(upper).matches() ? ", i.e. " + upper : ", e.g. EUR"));
            return false;
        };
    }
}
