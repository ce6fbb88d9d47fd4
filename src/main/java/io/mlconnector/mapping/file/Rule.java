package io.mlconnector.mapping.file;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One mapping rule as written, e.g. {@code items.by_entity_type.addon_item_price: { inventory_id: ADDON }}. A specific
 * rule may leave fields out; they are inherited from the next less specific rule (see {@link RuleChain}).
 *
 * @param path the rule's dotted key path, reported as "the rule that matched"
 * @param position where the rule's key is written
 * @param fields the fields the rule names, in file order
 */
record Rule(String path, SourcePosition position, Map<String, SourcedCode> fields) {
    Rule {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    Optional<SourcedCode> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    Stream<SourcedCode> codes() {
        return fields.values().stream();
    }
}
