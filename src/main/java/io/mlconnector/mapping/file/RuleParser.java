package io.mlconnector.mapping.file;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads rules of one shape (e.g. item rules: {@code inventory_id}, {@code sales_account}, {@code sales_subaccount}):
 * complete default rules, partial specific rules, and tables of specific rules keyed by Chargebee values. Immutable;
 * problems go to the {@link MapReader}'s collector.
 */
final class RuleParser {
    private final Map<String, Reference.Kind> fields;

    /** @param fields field name to the kind of Acumatica id it holds, in the order messages list them */
    RuleParser(Map<String, Reference.Kind> fields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @SafeVarargs
    static RuleParser of(Map.Entry<String, Reference.Kind>... fields) {
        Map<String, Reference.Kind> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, Reference.Kind> field : fields) {
            ordered.put(field.getKey(), field.getValue());
        }
        return new RuleParser(ordered);
    }

    List<String> fieldNames() {
        return List.copyOf(fields.keySet());
    }

    /** A required rule naming every field: a section's default, or a one-rule section such as {@code rounding}. */
    Optional<Rule> complete(MapReader parent, String key, String purpose) {
        Optional<YamlNode.Entry> entry = parent.required(key, "add " + key + ": { "
                + String.join(": ..., ", fieldNames()) + ": ... } (" + purpose + ")");
        return entry.flatMap(parent::map).flatMap(map -> {
            Optional<Rule> rule = readFields(map, true);
            map.finish();
            return rule;
        });
    }

    /** An optional table {@code key: { <chargebee value>: <partial rule>, … }}; empty when absent. */
    Map<String, Rule> table(MapReader parent, String key, KeyRule keyRule) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        parent.optional(key).flatMap(parent::map).ifPresent(table -> {
            for (YamlNode.Entry entry : table.entries()) {
                if (keyRule.accepts(entry, table.childPath(entry.key()), table.problems())) {
                    partial(table, entry).ifPresent(rule -> rules.put(entry.key(), rule));
                }
            }
            table.finish();
        });
        return rules;
    }

    /** A specific rule: any subset of the fields, but at least one (an empty rule is a forgotten edit). */
    Optional<Rule> partial(MapReader parent, YamlNode.Entry entry) {
        return parent.map(entry).flatMap(map -> {
            Optional<Rule> rule = readFields(map, false);
            map.finish();
            if (rule.isPresent() && rule.get().isEmpty()) {
                reportEmpty(map, entry);
                return Optional.empty();
            }
            return rule;
        });
    }

    void reportEmpty(MapReader map, YamlNode.Entry entry) {
        map.problems().error(entry.keyPosition(), map.path(), "names no field; give at least one of "
                + String.join(", ", fieldNames()) + " (fields left out are inherited), or delete the rule");
    }

    /**
     * Reads the rule's fields without finishing the map, so callers can read extra keys (a payment method's nested
     * {@code by_currency}) first. Empty when a field is invalid, or a complete rule lacks one.
     */
    Optional<Rule> readFields(MapReader map, boolean complete) {
        Map<String, SourcedCode> found = new LinkedHashMap<>();
        boolean usable = true;
        for (Map.Entry<String, Reference.Kind> field : fields.entrySet()) {
            Optional<YamlNode.Entry> entry = complete
                    ? map.required(field.getKey(), "a default rule names every field (" + String.join(", ",
                            fieldNames()) + "), because the more specific rules inherit the fields they leave out")
                    : map.optional(field.getKey());
            if (entry.isEmpty()) {
                usable &= !complete;
                continue;
            }
            Optional<SourcedCode> code = map.code(entry.get(), field.getValue());
            code.ifPresent(c -> found.put(field.getKey(), c));
            usable &= code.isPresent();
        }
        if (!usable) {
            return Optional.empty();
        }
        return Optional.of(new Rule(map.path(), map.ownerPosition(), found));
    }
}
