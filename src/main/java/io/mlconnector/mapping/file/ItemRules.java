package io.mlconnector.mapping.file;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code items}: the non-stock item and sales account of each invoice or credit-note line. Precedence, most specific
 * first: {@code by_item_price} (exact entity_id) > {@code by_item_price_prefix} (longest matching prefix first, then
 * shorter ones) > {@code by_entity_type} > {@code default}.
 */
final class ItemRules {
    static final String INVENTORY_ID = "inventory_id";
    static final String SALES_ACCOUNT = "sales_account";
    static final String SALES_SUBACCOUNT = "sales_subaccount";
    static final RuleParser RULES = RuleParser.of(
            Map.entry(INVENTORY_ID, Reference.Kind.INVENTORY_ITEM),
            Map.entry(SALES_ACCOUNT, Reference.Kind.ACCOUNT),
            Map.entry(SALES_SUBACCOUNT, Reference.Kind.SUBACCOUNT));

    private final Rule defaultRule;
    private final Map<String, Rule> byEntityType;
    private final Map<String, Rule> byItemPrice;
    private final List<Map.Entry<String, Rule>> prefixesLongestFirst;

    private ItemRules(Rule defaultRule, Map<String, Rule> byEntityType, Map<String, Rule> byItemPrice,
                      Map<String, Rule> byItemPricePrefix) {
        this.defaultRule = defaultRule;
        this.byEntityType = Map.copyOf(byEntityType);
        this.byItemPrice = Map.copyOf(byItemPrice);
        this.prefixesLongestFirst = byItemPricePrefix.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Rule> e) -> e.getKey().length()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList();
    }

    static Optional<ItemRules> read(MapReader root) {
        return root.required("items", "add an items section; at least items.default is needed")
                .flatMap(root::map)
                .flatMap(items -> {
                    Optional<Rule> defaultRule = RULES.complete(items, "default",
                            "the item and sales account of every line no other item rule matches");
                    Map<String, Rule> byEntityType = RULES.table(items, "by_entity_type",
                            KeyRule.oneOf(ChargebeeVocabulary.LINE_ENTITY_TYPES, "Chargebee line entity_type"));
                    Map<String, Rule> byItemPrice = RULES.table(items, "by_item_price",
                            KeyRule.chargebeeValue("a Chargebee item price id"));
                    Map<String, Rule> byPrefix = RULES.table(items, "by_item_price_prefix",
                            KeyRule.chargebeeValue("an item price id prefix"));
                    items.finish();
                    return defaultRule.map(d -> new ItemRules(d, byEntityType, byItemPrice, byPrefix));
                });
    }

    /** A null entity type or id (e.g. an adhoc line without entity_id) just skips the levels that key on it. */
    LineAccount resolve(String entityType, String entityId) {
        List<Rule> chain = new ArrayList<>();
        if (entityId != null) {
            Optional.ofNullable(byItemPrice.get(entityId)).ifPresent(chain::add);
            for (Map.Entry<String, Rule> prefix : prefixesLongestFirst) {
                if (entityId.startsWith(prefix.getKey())) {
                    chain.add(prefix.getValue());
                }
            }
        }
        if (entityType != null) {
            Optional.ofNullable(byEntityType.get(entityType)).ifPresent(chain::add);
        }
        chain.add(defaultRule);
        RuleChain rules = new RuleChain(chain);
        return new LineAccount(rules.field(INVENTORY_ID).value(), rules.field(SALES_ACCOUNT).value(),
                rules.field(SALES_SUBACCOUNT).value(), rules.matchedRule());
    }

    Stream<SourcedCode> codes() {
        return Stream.of(Stream.of(defaultRule), byEntityType.values().stream(), byItemPrice.values().stream(),
                        prefixesLongestFirst.stream().map(Map.Entry::getValue))
                .flatMap(s -> s)
                .flatMap(Rule::codes);
    }
}
