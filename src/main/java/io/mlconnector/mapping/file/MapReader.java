package io.mlconnector.mapping.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the keys of one YAML map, remembering which keys the format knows here, so that {@link #finish()} can report
 * unknown keys (with a "did you mean") and missing required ones. A required key that is missing only because it was
 * misspelt gets one message (the "did you mean" on the misspelt key), not two.
 */
final class MapReader {
    /**
     * A data map beyond this size is generated text, not a reviewed mapping; the cap also bounds the work of
     * resolving and listing references (payments are enumerated per currency and payment method).
     */
    static final int MAX_ENTRIES = 10_000;

    private final YamlNode.MapNode node;
    private final String path;
    private final SourcePosition ownerPosition;
    private final Problems problems;
    private final ScalarValues values;
    private final Set<String> knownKeys = new LinkedHashSet<>();
    private final Map<String, String> missingRequired = new LinkedHashMap<>();
    private boolean takesAnyKey;

    private MapReader(YamlNode.MapNode node, String path, SourcePosition ownerPosition, Problems problems) {
        this.node = node;
        this.path = path;
        this.ownerPosition = ownerPosition;
        this.problems = problems;
        this.values = new ScalarValues(problems);
    }

    /**
     * @param ownerPosition where the key naming this map is written; missing keys are reported there, because that is
     *     the line the reader has to add them under
     */
    static Optional<MapReader> of(YamlNode node, String path, SourcePosition ownerPosition, Problems problems) {
        if (node instanceof YamlNode.MapNode map) {
            return Optional.of(new MapReader(map, path, ownerPosition, problems));
        }
        if (!(node instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.ScalarType.INVALID)) {
            boolean empty = node instanceof YamlNode.Scalar scalar && (scalar.type() == YamlNode.ScalarType.NULL
                    || scalar.type() == YamlNode.ScalarType.STRING && scalar.text().isBlank());
            String what = empty ? "is empty" : "is " + node.describe();
            problems.error(node.position(), path.isEmpty() ? "(document)" : path, what + "; it must be a map of"
                    + " 'key: value' lines indented under it (or written { key: value, ... })");
        }
        return Optional.empty();
    }

    String path() {
        return path;
    }

    SourcePosition ownerPosition() {
        return ownerPosition;
    }

    Problems problems() {
        return problems;
    }

    ScalarValues values() {
        return values;
    }

    String childPath(String key) {
        return KeyPaths.child(path, key);
    }

    Optional<YamlNode.Entry> optional(String key) {
        knownKeys.add(key);
        return node.entry(key);
    }

    /** @param howToFix completes "missing; …", e.g. "add the account that write-offs post to" */
    Optional<YamlNode.Entry> required(String key, String howToFix) {
        Optional<YamlNode.Entry> entry = optional(key);
        if (entry.isEmpty()) {
            missingRequired.put(key, howToFix);
        }
        return entry;
    }

    Optional<MapReader> map(YamlNode.Entry entry) {
        return of(entry.value(), childPath(entry.key()), entry.keyPosition(), problems);
    }

    Optional<SourcedCode> code(YamlNode.Entry entry, Reference.Kind kind) {
        return values.code(entry.value(), childPath(entry.key()), kind);
    }

    /** Every entry, for maps whose keys are data (currency codes, item price ids …) rather than format keys. */
    List<YamlNode.Entry> entries() {
        takesAnyKey = true;
        if (node.entries().size() > MAX_ENTRIES) {
            problems.error(ownerPosition, path, "has " + node.entries().size() + " entries; at most " + MAX_ENTRIES
                    + " are read (group item prices with by_item_price_prefix)");
            return node.entries().subList(0, MAX_ENTRIES);
        }
        return node.entries();
    }

    void finish() {
        Set<String> explainedByTypo = new LinkedHashSet<>();
        if (!takesAnyKey) {
            List<String> known = new ArrayList<>(knownKeys);
            for (YamlNode.Entry entry : node.entries()) {
                if (knownKeys.contains(entry.key())) {
                    continue;
                }
                Optional<String> suggestion = Suggestions.closest(entry.key(), known);
                suggestion.ifPresent(explainedByTypo::add);
                problems.error(entry.keyPosition(), childPath(entry.key()), "unknown key."
                        + suggestion.map(s -> " Did you mean '" + s + "'?")
                                .orElse(" Keys allowed here: " + String.join(", ", known) + "."));
            }
        }
        missingRequired.forEach((key, howToFix) -> {
            if (!explainedByTypo.contains(key)) {
                problems.error(ownerPosition, childPath(key), "missing; " + howToFix);
            }
        });
    }
}
