package io.mlconnector.mapping.file;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code discounts}: the item and account a discount posts to as its own line, and whether it is shown that way
 * ({@code posting}). Precedence: {@code by_type} (Chargebee discount_type) > {@code default}.
 */
final class DiscountRules {
    static final String INVENTORY_ID = "inventory_id";
    static final String ACCOUNT = "account";
    static final String SUBACCOUNT = "subaccount";
    /** Also the shape of {@code rounding}, which posts as a line too. */
    static final RuleParser LINE_RULES = RuleParser.of(
            Map.entry(INVENTORY_ID, Reference.Kind.INVENTORY_ITEM),
            Map.entry(ACCOUNT, Reference.Kind.ACCOUNT),
            Map.entry(SUBACCOUNT, Reference.Kind.SUBACCOUNT));

    private final Rule defaultRule;
    private final Map<String, Rule> byType;
    private final DiscountPosting posting;

    private DiscountRules(Rule defaultRule, Map<String, Rule> byType, DiscountPosting posting) {
        this.defaultRule = defaultRule;
        this.byType = Map.copyOf(byType);
        this.posting = posting;
    }

    static Optional<DiscountRules> read(MapReader root) {
        return root.required("discounts", "add a discounts section; at least discounts.default is needed")
                .flatMap(root::map)
                .flatMap(discounts -> {
                    Optional<Rule> defaultRule = LINE_RULES.complete(discounts, "default",
                            "where every discount no by_type rule matches posts");
                    Map<String, Rule> byType = LINE_RULES.table(discounts, "by_type",
                            KeyRule.oneOf(ChargebeeVocabulary.DISCOUNT_TYPES, "Chargebee discount_type"));
                    DiscountPosting posting = discounts.optional("posting")
                            .flatMap(e -> discounts.values().word(e.value(), discounts.childPath(e.key()),
                                    DiscountPosting.class))
                            .orElse(DiscountPosting.DISCOUNT_LINES);
                    discounts.finish();
                    return defaultRule.map(d -> new DiscountRules(d, byType, posting));
                });
    }

    DiscountPosting posting() {
        return posting;
    }

    LineAccount resolve(String discountType) {
        Rule specific = discountType == null ? null : byType.get(discountType);
        return lineAccount(specific == null ? List.of(defaultRule) : List.of(specific, defaultRule));
    }

    static LineAccount lineAccount(List<Rule> mostSpecificFirst) {
        RuleChain rules = new RuleChain(mostSpecificFirst);
        return new LineAccount(rules.field(INVENTORY_ID).value(), rules.field(ACCOUNT).value(),
                rules.field(SUBACCOUNT).value(), rules.matchedRule());
    }

    Stream<SourcedCode> codes() {
        return Stream.concat(Stream.of(defaultRule), byType.values().stream()).flatMap(Rule::codes);
    }
}
