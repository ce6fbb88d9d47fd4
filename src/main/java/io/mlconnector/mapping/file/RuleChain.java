package io.mlconnector.mapping.file;

import java.util.List;

/**
 * The rules that match one lookup, most specific first and ending with the section's default. Each field comes from
 * the first rule that names it, so a specific rule only has to say what differs from the rules below it.
 */
record RuleChain(List<Rule> mostSpecificFirst) {
    RuleChain {
        mostSpecificFirst = List.copyOf(mostSpecificFirst);
        if (mostSpecificFirst.isEmpty()) {
            throw new IllegalArgumentException("a rule chain ends with its section's default rule");
        }
    }

    SourcedCode field(String name) {
        for (Rule rule : mostSpecificFirst) {
            if (rule.fields().containsKey(name)) {
                return rule.fields().get(name);
            }
        }
        // The parser refuses a default rule that leaves a field out, so this means a programming error.
        throw new IllegalStateException("no rule in " + matchedRule() + "'s chain names " + name);
    }

    /** The most specific matching rule, e.g. {@code items.by_item_price.pro-USD-monthly}. */
    String matchedRule() {
        return mostSpecificFirst.get(0).path();
    }
}
