package io.mlconnector.mapping.file;

import io.mlconnector.mapping.UnmappableRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code payments}: the Acumatica payment method and cash account of each Chargebee transaction. Precedence, most
 * specific first: {@code by_gateway_account.<id>.<CUR>} > {@code by_payment_method.<method>.by_currency.<CUR>} >
 * {@code by_payment_method.<method>} > {@code by_currency.<CUR>} > {@code default}.
 */
final class PaymentRules {
    static final String PAYMENT_METHOD = "payment_method";
    static final String CASH_ACCOUNT = "cash_account";
    static final String BY_CURRENCY = "by_currency";
    static final RuleParser RULES = RuleParser.of(
            Map.entry(PAYMENT_METHOD, Reference.Kind.PAYMENT_METHOD),
            Map.entry(CASH_ACCOUNT, Reference.Kind.CASH_ACCOUNT));

    /** A {@code by_payment_method} entry: its own fields (possibly none) and its per-currency refinements. */
    private record MethodRules(Rule rule, Map<String, Rule> byCurrency) {}

    private final Rule defaultRule;
    private final Map<String, Rule> byCurrency;
    private final Map<String, MethodRules> byPaymentMethod;
    private final Map<String, Map<String, Rule>> byGatewayAccount;

    private PaymentRules(Rule defaultRule, Map<String, Rule> byCurrency, Map<String, MethodRules> byPaymentMethod,
                         Map<String, Map<String, Rule>> byGatewayAccount) {
        this.defaultRule = defaultRule;
        this.byCurrency = Map.copyOf(byCurrency);
        this.byPaymentMethod = Map.copyOf(byPaymentMethod);
        this.byGatewayAccount = Map.copyOf(byGatewayAccount);
    }

    static Optional<PaymentRules> read(MapReader root) {
        return root.required("payments", "add a payments section; at least payments.default is needed")
                .flatMap(root::map)
                .flatMap(payments -> {
                    Optional<Rule> defaultRule = RULES.complete(payments, "default",
                            "the payment method and cash account of every payment no other rule matches");
                    Map<String, Rule> byCurrency = RULES.table(payments, BY_CURRENCY, KeyRule.currencyCode());
                    Map<String, MethodRules> byMethod = readMethods(payments);
                    Map<String, Map<String, Rule>> byGateway = readGatewayAccounts(payments);
                    payments.finish();
                    return defaultRule.map(d -> new PaymentRules(d, byCurrency, byMethod, byGateway));
                });
    }

    private static Map<String, MethodRules> readMethods(MapReader payments) {
        Map<String, MethodRules> methods = new LinkedHashMap<>();
        KeyRule methodNames = KeyRule.knownOrWarn(ChargebeeVocabulary.PAYMENT_METHODS, "Chargebee payment_method");
        payments.optional("by_payment_method").flatMap(payments::map).ifPresent(table -> {
            for (YamlNode.Entry entry : table.entries()) {
                if (!methodNames.accepts(entry, table.childPath(entry.key()), table.problems())) {
                    continue;
                }
                table.map(entry).ifPresent(method -> {
                    Optional<Rule> rule = RULES.readFields(method, false);
                    boolean refinesByCurrency = method.optional(BY_CURRENCY).isPresent();
                    Map<String, Rule> perCurrency = RULES.table(method, BY_CURRENCY, KeyRule.currencyCode());
                    method.finish();
                    if (rule.isPresent() && rule.get().isEmpty() && !refinesByCurrency) {
                        table.problems().error(entry.keyPosition(), method.path(), "names no field; give "
                                + PAYMENT_METHOD + ", " + CASH_ACCOUNT + " or " + BY_CURRENCY
                                + " (fields left out are inherited), or delete the rule");
                    } else {
                        rule.ifPresent(r -> methods.put(entry.key(), new MethodRules(r, perCurrency)));
                    }
                });
            }
            table.finish();
        });
        return methods;
    }

    private static Map<String, Map<String, Rule>> readGatewayAccounts(MapReader payments) {
        Map<String, Map<String, Rule>> gateways = new LinkedHashMap<>();
        KeyRule gatewayIds = KeyRule.chargebeeValue("a Chargebee gateway_account_id");
        KeyRule currencies = KeyRule.currencyCode();
        payments.optional("by_gateway_account").flatMap(payments::map).ifPresent(table -> {
            for (YamlNode.Entry entry : table.entries()) {
                if (!gatewayIds.accepts(entry, table.childPath(entry.key()), table.problems())) {
                    continue;
                }
                table.map(entry).ifPresent(gateway -> {
                    Map<String, Rule> perCurrency = new LinkedHashMap<>();
                    List<YamlNode.Entry> currencyEntries = gateway.entries();
                    for (YamlNode.Entry currency : currencyEntries) {
                        if (currencies.accepts(currency, gateway.childPath(currency.key()), gateway.problems())) {
                            RULES.partial(gateway, currency).ifPresent(rule -> perCurrency.put(currency.key(), rule));
                        }
                    }
                    gateway.finish();
                    if (currencyEntries.isEmpty()) {
                        table.problems().error(entry.keyPosition(), gateway.path(), "names no currency; a gateway"
                                + " account's rules are keyed by currency, e.g. USD: { payment_method: CARD,"
                                + " cash_account: \"10200\" }");
                    }
                    gateways.put(entry.key(), perCurrency);
                });
            }
            table.finish();
        });
        return gateways;
    }

    /** Null gateway account or payment method (offline payments have no gateway account) skips those levels. */
    PaymentRoute resolve(String gatewayAccountId, String paymentMethod, String currency) {
        if (currency == null || currency.isBlank()) {
            throw new UnmappableRecord("a payment's currency is required to choose its cash account");
        }
        RuleChain rules = new RuleChain(chain(gatewayAccountId, paymentMethod, currency.toUpperCase(Locale.ROOT)));
        return new PaymentRoute(rules.field(PAYMENT_METHOD).value(), rules.field(CASH_ACCOUNT).value(),
                rules.matchedRule());
    }

    private List<Rule> chain(String gatewayAccountId, String paymentMethod, String currency) {
        List<Rule> chain = new ArrayList<>(5);
        if (gatewayAccountId != null && currency != null) {
            Optional.ofNullable(byGatewayAccount.get(gatewayAccountId)).map(g -> g.get(currency))
                    .ifPresent(chain::add);
        }
        MethodRules method = paymentMethod == null ? null : byPaymentMethod.get(paymentMethod);
        if (method != null) {
            if (currency != null) {
                Optional.ofNullable(method.byCurrency().get(currency)).ifPresent(chain::add);
            }
            if (!method.rule().isEmpty()) {
                chain.add(method.rule());
            }
        }
        if (currency != null) {
            Optional.ofNullable(byCurrency.get(currency)).ifPresent(chain::add);
        }
        chain.add(defaultRule);
        return chain;
    }

    /**
     * Payment methods, currency keys, and each cash account together with every payment method it can end up paired
     * with once fields are inherited: Acumatica accepts a cash account only if the payment method allows it, and an
     * inherited pair is where that goes wrong unnoticed.
     */
    Stream<Reference> references() {
        Set<Reference> references = new LinkedHashSet<>();
        allRules().flatMap(Rule::codes)
                .filter(code -> code.kind() == Reference.Kind.PAYMENT_METHOD)
                .forEach(code -> references.add(code.toReference()));
        Map<String, List<Rule>> currencyKeys = currencyKeyRules();
        currencyKeys.forEach((currency, rules) -> rules.forEach(r -> references.add(
                new Reference(Reference.Kind.CURRENCY, currency, null, r.path(), r.position().line()))));
        // Only the levels a rule actually keys on can change the outcome, so this walks currencies x methods, plus
        // each gateway account's own currencies x methods, rather than the full cross product with gateways.
        List<String> methods = withNull(byPaymentMethod.keySet());
        for (String currency : withNull(currencyKeys.keySet())) {
            for (String method : methods) {
                addCashAccount(references, null, method, currency);
            }
        }
        byGatewayAccount.forEach((gateway, perCurrency) -> perCurrency.keySet().forEach(currency -> {
            for (String method : methods) {
                addCashAccount(references, gateway, method, currency);
            }
        }));
        return references.stream();
    }

    private void addCashAccount(Set<Reference> references, String gateway, String method, String currency) {
        RuleChain rules = new RuleChain(chain(gateway, method, currency));
        references.add(rules.field(CASH_ACCOUNT).toCashAccountReference(rules.field(PAYMENT_METHOD).value()));
    }

    private Stream<Rule> allRules() {
        return Stream.of(Stream.of(defaultRule), byCurrency.values().stream(),
                        byPaymentMethod.values().stream().flatMap(m -> Stream.concat(Stream.of(m.rule()),
                                m.byCurrency().values().stream())),
                        byGatewayAccount.values().stream().flatMap(g -> g.values().stream()))
                .flatMap(s -> s);
    }

    /** Every currency key of every level, with the rules it names. */
    private Map<String, List<Rule>> currencyKeyRules() {
        Map<String, List<Rule>> byKey = new LinkedHashMap<>();
        byCurrency.forEach((c, r) -> byKey.computeIfAbsent(c, k -> new ArrayList<>()).add(r));
        byPaymentMethod.values().forEach(m -> m.byCurrency()
                .forEach((c, r) -> byKey.computeIfAbsent(c, k -> new ArrayList<>()).add(r)));
        byGatewayAccount.values().forEach(g -> g
                .forEach((c, r) -> byKey.computeIfAbsent(c, k -> new ArrayList<>()).add(r)));
        return byKey;
    }

    /** The keys plus null, which stands for "any value no rule names" in the enumeration above. */
    private static List<String> withNull(Set<String> keys) {
        List<String> values = new ArrayList<>(new TreeSet<>(keys));
        values.add(null);
        return values;
    }
}
