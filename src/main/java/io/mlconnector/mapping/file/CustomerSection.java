package io.mlconnector.mapping.file;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code customers}: CustomerID strategy and customer class, kept with the positions its references need. */
final class CustomerSection {
    /**
     * Hashed ids keep 4 bits per character after "CB": at 10 characters that is 32 bits, where collisions become
     * likely beyond tens of thousands of hashed customers; below 10 they would be likely within the first thousand.
     * 30 is the longest CustomerID Acumatica stores.
     */
    static final int MIN_ID_LENGTH = 10;
    static final int MAX_ID_LENGTH = 30;

    private final CustomerRules rules;
    private final SourcedCode customerClass;
    private final Map<String, SourcedCode> classByCurrency;
    private final Map<String, SourcePosition> currencyKeyPositions;

    private CustomerSection(CustomerRules rules, SourcedCode customerClass, Map<String, SourcedCode> classByCurrency,
                            Map<String, SourcePosition> currencyKeyPositions) {
        this.rules = rules;
        this.customerClass = customerClass;
        this.classByCurrency = Map.copyOf(classByCurrency);
        this.currencyKeyPositions = Map.copyOf(currencyKeyPositions);
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
                    Optional<Integer> maxLength = customers.required("id_max_length", "add the length of"
                                    + " Acumatica's CustomerID segment (Segmented Keys CS202000, key CUSTOMER),"
                                    + " e.g. id_max_length: 10")
                            .flatMap(e -> values.wholeNumber(e.value(), customers.childPath(e.key()),
                                    MIN_ID_LENGTH, MAX_ID_LENGTH));
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
                    customers.finish();
                    if (strategy.isEmpty() || maxLength.isEmpty() || customerClass.isEmpty()) {
                        return Optional.empty();
                    }
                    Map<String, String> classes = new LinkedHashMap<>();
                    byCurrency.forEach((currency, code) -> classes.put(currency, code.value()));
                    CustomerRules rules = new CustomerRules(strategy.get(), maxLength.get(),
                            customerClass.get().value(), classes);
                    return Optional.of(new CustomerSection(rules, customerClass.get(), byCurrency, keyPositions));
                });
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
        return Stream.concat(classes, currencies);
    }
}
