package io.mlconnector.mapping.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code customers}: CustomerID strategy, customer class and credit terms, kept with the positions its references
 * need.
 */
final class CustomerSection {
    /**
     * 10 is a stock Acumatica CUSTOMER segment, enough for Chargebee ids that fit it; a hashed id needs
     * {@link CustomerIdStrategy#MIN_HASHED_LENGTH} (64 bits after "CB"). 30 is the longest CustomerID Acumatica stores.
     */
    static final int MIN_ID_LENGTH = 10;
    static final int MAX_ID_LENGTH = 30;
    /** Chargebee's net term days are 0 to a few hundred; a number beyond a year is a typo. */
    static final int MAX_NET_TERM_DAYS = 366;

    private final CustomerRules rules;
    private final SourcedCode customerClass;
    private final Map<String, SourcedCode> classByCurrency;
    private final Map<String, SourcePosition> currencyKeyPositions;
    private final List<SourcedCode> terms;

    private CustomerSection(CustomerRules rules, SourcedCode customerClass, Map<String, SourcedCode> classByCurrency,
                            Map<String, SourcePosition> currencyKeyPositions, List<SourcedCode> terms) {
        this.rules = rules;
        this.customerClass = customerClass;
        this.classByCurrency = Map.copyOf(classByCurrency);
        this.currencyKeyPositions = Map.copyOf(currencyKeyPositions);
        this.terms = List.copyOf(terms);
    }

    static Optional<CustomerSection> read(MapReader root) {
        return root.required("customers", "add a customers section (id_strategy, id_max_length, customer_class)")
                .flatMap(root::map)
                .flatMap(customers -> {
                    ScalarValues values = customers.values();
                    Optional<CustomerIdStrategy> strategy = customers.required("id_strategy",
                                    "add id_strategy: chargebee_id (or hashed)")
                            .flatMap(e -> values.word(e.value(), customers.childPath(e.key()),
                                    CustomerIdStrategy.class));
                    Optional<YamlNode.Entry> maxLengthEntry = customers.required("id_max_length", "add the length"
                            + " of Acumatica's CustomerID segment (Segmented Keys CS202000, key CUSTOMER),"
                            + " e.g. id_max_length: 10");
                    Optional<Integer> maxLength = maxLengthEntry.flatMap(e -> values.wholeNumber(e.value(),
                            customers.childPath(e.key()), MIN_ID_LENGTH, MAX_ID_LENGTH));
                    if (strategy.orElse(null) == CustomerIdStrategy.HASHED
                            && maxLength.filter(n -> n < CustomerIdStrategy.MIN_HASHED_LENGTH).isPresent()) {
                        customers.problems().error(maxLengthEntry.get().value().position(),
                                customers.childPath("id_max_length"), "hashed ids need "
                                        + CustomerIdStrategy.MIN_HASHED_LENGTH + " characters to stay unique (64 bits);"
                                        + " lengthen the CUSTOMER segment (CS202000) and set id_max_length to match,"
                                        + " or use id_strategy: chargebee_id");
                        maxLength = Optional.empty();
                    }
                    Optional<SourcedCode> customerClass = customers.required("customer_class",
                                    "add the customer class for new customers, e.g. customer_class: DEFAULT")
                            .flatMap(e -> customers.code(e, Reference.Kind.CUSTOMER_CLASS));
                    Map<String, SourcedCode> byCurrency = new LinkedHashMap<>();
                    Map<String, SourcePosition> keyPositions = new LinkedHashMap<>();
                    customers.optional("customer_class_by_currency").flatMap(customers::map).ifPresent(table -> {
                        for (YamlNode.Entry entry : table.entries()) {
                            if (KeyRule.currencyCode().accepts(entry, table.childPath(entry.key()),
                                    table.problems())) {
                                table.code(entry, Reference.Kind.CUSTOMER_CLASS).ifPresent(code -> {
                                    byCurrency.put(entry.key(), code);
                                    keyPositions.put(entry.key(), entry.keyPosition());
                                });
                            }
                        }
                        table.finish();
                    });
                    List<SourcedCode> termsCodes = new ArrayList<>();
                    CreditTerms terms = customers.optional("terms").flatMap(customers::map)
                            .map(section -> readTerms(section, termsCodes)).orElse(CreditTerms.fromCustomerClass());
                    customers.finish();
                    if (strategy.isEmpty() || maxLength.isEmpty() || customerClass.isEmpty()) {
                        return Optional.empty();
                    }
                    Map<String, String> classes = new LinkedHashMap<>();
                    byCurrency.forEach((currency, code) -> classes.put(currency, code.value()));
                    CustomerRules rules = new CustomerRules(strategy.get(), maxLength.get(),
                            customerClass.get().value(), classes, terms);
                    return Optional.of(new CustomerSection(rules, customerClass.get(), byCurrency, keyPositions,
                            termsCodes));
                });
    }

    /**
     * {@code terms: {default: 30D, by_net_term_days: {"0": COD, "30": 30D}}}: both optional; days are whole numbers
     * from 0 to {@value #MAX_NET_TERM_DAYS}.
     */
    private static CreditTerms readTerms(MapReader section, List<SourcedCode> codes) {
        String defaultTerms = section.optional("default").flatMap(e -> section.code(e, Reference.Kind.TERMS))
                .map(code -> {
                    codes.add(code);
                    return code.value();
                }).orElse(null);
        Map<Integer, String> byDays = new LinkedHashMap<>();
        section.optional("by_net_term_days").flatMap(section::map).ifPresent(table -> {
            for (YamlNode.Entry entry : table.entries()) {
                String key = entry.key().strip();
                if (!key.matches("\\d{1,3}") || Integer.parseInt(key) > MAX_NET_TERM_DAYS) {
                    table.problems().error(entry.keyPosition(), table.childPath(entry.key()), "'" + entry.key()
                            + "' is not a number of days; write Chargebee's net_term_days, 0 to "
                            + MAX_NET_TERM_DAYS + ", e.g. \"30\": 30D");
                    continue;
                }
                table.code(entry, Reference.Kind.TERMS).ifPresent(code -> {
                    codes.add(code);
                    byDays.put(Integer.parseInt(key), code.value());
                });
            }
            table.finish();
        });
        section.finish();
        return new CreditTerms(defaultTerms, byDays);
    }

    CustomerRules rules() {
        return rules;
    }

    Stream<Reference> references() {
        Stream<Reference> classes = Stream.concat(Stream.of(customerClass), classByCurrency.values().stream())
                .map(SourcedCode::toReference);
        Stream<Reference> currencies = classByCurrency.entrySet().stream()
                .map(e -> new Reference(Reference.Kind.CURRENCY, e.getKey(), null, e.getValue().keyPath(),
                        currencyKeyPositions.get(e.getKey()).line()));
        return Stream.of(classes, currencies, terms.stream().map(SourcedCode::toReference)).flatMap(s -> s);
    }
}
